-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "latestRevision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "state" "ReviewState" NOT NULL DEFAULT 'DRAFT';

-- CreateTable
CREATE TABLE "InstrumentStatusRevision" (
    "id" SERIAL NOT NULL,
    "instrumentStatusId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "RatificationStatus" NOT NULL,
    "signedOn" DATE,
    "consentedOn" DATE,
    "note" TEXT,
    "sourceUrl" TEXT,
    "changedById" INTEGER NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstrumentStatusRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InstrumentStatusRevision_instrumentStatusId_number_key" ON "InstrumentStatusRevision"("instrumentStatusId", "number");

-- CreateIndex
CREATE INDEX "Evidence_state_updatedAt_idx" ON "Evidence"("state", "updatedAt");

-- CreateIndex
CREATE INDEX "Evidence_createdById_state_idx" ON "Evidence"("createdById", "state");

-- AddForeignKey
ALTER TABLE "InstrumentStatusRevision" ADD CONSTRAINT "InstrumentStatusRevision_instrumentStatusId_fkey" FOREIGN KEY ("instrumentStatusId") REFERENCES "InstrumentStatus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentStatusRevision" ADD CONSTRAINT "InstrumentStatusRevision_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
