-- CreateTable
CREATE TABLE "badge_signing_key" (
    "id" TEXT NOT NULL,
    "keyPem" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "badge_signing_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificate_badge" (
    "certificateId" TEXT NOT NULL,
    "statusIndex" INTEGER NOT NULL,
    "salt" TEXT NOT NULL,
    "identityHash" TEXT NOT NULL,
    "passMark" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificate_badge_pkey" PRIMARY KEY ("certificateId")
);

-- CreateIndex
CREATE UNIQUE INDEX "certificate_badge_statusIndex_key" ON "certificate_badge"("statusIndex");

-- AddForeignKey
ALTER TABLE "certificate_badge" ADD CONSTRAINT "certificate_badge_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "certificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

