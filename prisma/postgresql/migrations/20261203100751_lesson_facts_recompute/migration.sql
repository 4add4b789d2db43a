-- CreateTable
CREATE TABLE "lesson_facts_recompute" (
    "id" INTEGER NOT NULL,
    "afterEnrolmentId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lesson_facts_recompute_pkey" PRIMARY KEY ("id")
);

