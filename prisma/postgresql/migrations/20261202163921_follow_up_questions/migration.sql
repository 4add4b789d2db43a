-- CreateTable
CREATE TABLE "follow_up" (
    "certificateId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "offeredAt" TIMESTAMP(3) NOT NULL,
    "items" TEXT,
    "seed" TEXT,
    "openedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "score" DOUBLE PRECISION,
    "correctCount" INTEGER,

    CONSTRAINT "follow_up_pkey" PRIMARY KEY ("certificateId")
);

-- CreateTable
CREATE TABLE "follow_up_answer" (
    "followUpId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "credit" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "follow_up_answer_pkey" PRIMARY KEY ("followUpId","itemId")
);

-- CreateIndex
CREATE INDEX "follow_up_userId_idx" ON "follow_up"("userId");

-- CreateIndex
CREATE INDEX "certificate_completedAt_idx" ON "certificate"("completedAt");

-- AddForeignKey
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "certificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_answer" ADD CONSTRAINT "follow_up_answer_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "follow_up"("certificateId") ON DELETE CASCADE ON UPDATE CASCADE;

