-- AlterTable
ALTER TABLE "EvidenceRevision" ALTER COLUMN "observedOn" DROP NOT NULL,
ALTER COLUMN "status" DROP NOT NULL;
