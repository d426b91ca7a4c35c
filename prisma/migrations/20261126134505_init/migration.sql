-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Addressee" AS ENUM ('MEMBER_STATES', 'UN_SYSTEM');

-- CreateEnum
CREATE TYPE "Strength" AS ENUM ('OBLIGATION', 'CALL', 'STRESS', 'ENCOURAGEMENT', 'RECOGNITION');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('MEMBER_STATE', 'UN_ENTITY');

-- CreateEnum
CREATE TYPE "RegionalGroup" AS ENUM ('AFRICAN', 'ASIA_PACIFIC', 'EASTERN_EUROPEAN', 'LATIN_AMERICAN_CARIBBEAN', 'WESTERN_EUROPEAN_OTHERS');

-- CreateEnum
CREATE TYPE "LinkKind" AS ENUM ('RESOLUTION', 'INSTRUMENT', 'DOCUMENT');

-- CreateEnum
CREATE TYPE "ImplementationStatus" AS ENUM ('NO_INFORMATION', 'NOT_STARTED', 'IN_PROGRESS', 'PARTIALLY_IMPLEMENTED', 'FULLY_IMPLEMENTED', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('INTERNAL', 'PUBLIC');

-- CreateEnum
CREATE TYPE "SourceType" AS ENUM ('NATIONAL_LEGISLATION', 'GOVERNMENT_REPORT', 'UN_CTED', 'FATF_REGIONAL_BODY', 'NGO', 'MEDIA', 'OTHER');

-- CreateEnum
CREATE TYPE "RatificationStatus" AS ENUM ('NOT_PARTY', 'SIGNED', 'RATIFICATION', 'ACCESSION', 'ACCEPTANCE', 'APPROVAL', 'SUCCESSION');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REVIEWER', 'EDITOR', 'VIEWER');

-- CreateTable
CREATE TABLE "Document" (
    "id" SERIAL NOT NULL,
    "symbol" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "adoptedOn" DATE NOT NULL,
    "meeting" INTEGER,
    "heading" TEXT NOT NULL,
    "agendaItem" JSONB NOT NULL,
    "title" JSONB NOT NULL,
    "chapeau" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paragraph" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Paragraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "documentId" INTEGER NOT NULL,
    "paragraphId" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "guidance" JSONB NOT NULL,
    "themeId" INTEGER NOT NULL,
    "addressee" "Addressee" NOT NULL,
    "strength" "Strength" NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentLink" (
    "id" SERIAL NOT NULL,
    "commitmentId" INTEGER NOT NULL,
    "kind" "LinkKind" NOT NULL,
    "reference" TEXT NOT NULL,
    "instrumentId" INTEGER,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "CommitmentLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" SERIAL NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "code" TEXT NOT NULL,
    "alpha2" TEXT,
    "name" JSONB NOT NULL,
    "regionalGroup" "RegionalGroup",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Instrument" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "adoptedOn" DATE NOT NULL,
    "entryIntoForceOn" DATE,
    "shortName" JSONB NOT NULL,
    "title" JSONB NOT NULL,
    "depositary" JSONB NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Instrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstrumentStatus" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER NOT NULL,
    "instrumentId" INTEGER NOT NULL,
    "status" "RatificationStatus" NOT NULL,
    "signedOn" DATE,
    "consentedOn" DATE,
    "note" TEXT,
    "sourceUrl" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InstrumentStatus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER NOT NULL,
    "commitmentId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceRevision" (
    "id" SERIAL NOT NULL,
    "evidenceId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "observedOn" DATE NOT NULL,
    "status" "ImplementationStatus" NOT NULL,
    "score" INTEGER,
    "summary" JSONB NOT NULL,
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "tags" TEXT[],
    "state" "ReviewState" NOT NULL DEFAULT 'DRAFT',
    "authorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMP(3),
    "reviewerId" INTEGER,
    "reviewedAt" TIMESTAMP(3),
    "reviewComment" TEXT,

    CONSTRAINT "EvidenceRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceSource" (
    "id" SERIAL NOT NULL,
    "revisionId" INTEGER NOT NULL,
    "type" "SourceType" NOT NULL,
    "url" TEXT,
    "reference" TEXT,
    "title" TEXT,
    "publishedOn" DATE,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "EvidenceSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" SERIAL NOT NULL,
    "revisionId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storagePath" TEXT NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CurrentStatus" (
    "actorId" INTEGER NOT NULL,
    "commitmentId" INTEGER NOT NULL,
    "revisionId" INTEGER NOT NULL,
    "status" "ImplementationStatus" NOT NULL,
    "score" INTEGER,
    "observedOn" DATE NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CurrentStatus_pkey" PRIMARY KEY ("actorId","commitmentId")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserCountryScope" (
    "userId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,

    CONSTRAINT "UserCountryScope_pkey" PRIMARY KEY ("userId","actorId")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" INTEGER,
    "userRole" "Role",
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_symbol_key" ON "Document"("symbol");

-- CreateIndex
CREATE UNIQUE INDEX "Document_slug_key" ON "Document"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Paragraph_documentId_number_key" ON "Paragraph"("documentId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_code_key" ON "Theme"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_code_key" ON "Commitment"("code");

-- CreateIndex
CREATE INDEX "Commitment_themeId_idx" ON "Commitment"("themeId");

-- CreateIndex
CREATE INDEX "Commitment_paragraphId_idx" ON "Commitment"("paragraphId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentLink_commitmentId_reference_key" ON "CommitmentLink"("commitmentId", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_code_key" ON "Actor"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_alpha2_key" ON "Actor"("alpha2");

-- CreateIndex
CREATE INDEX "Actor_kind_regionalGroup_idx" ON "Actor"("kind", "regionalGroup");

-- CreateIndex
CREATE UNIQUE INDEX "Instrument_code_key" ON "Instrument"("code");

-- CreateIndex
CREATE INDEX "InstrumentStatus_instrumentId_status_idx" ON "InstrumentStatus"("instrumentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "InstrumentStatus_actorId_instrumentId_key" ON "InstrumentStatus"("actorId", "instrumentId");

-- CreateIndex
CREATE INDEX "Evidence_actorId_commitmentId_idx" ON "Evidence"("actorId", "commitmentId");

-- CreateIndex
CREATE INDEX "Evidence_commitmentId_idx" ON "Evidence"("commitmentId");

-- CreateIndex
CREATE INDEX "EvidenceRevision_state_submittedAt_idx" ON "EvidenceRevision"("state", "submittedAt");

-- CreateIndex
CREATE INDEX "EvidenceRevision_authorId_state_idx" ON "EvidenceRevision"("authorId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceRevision_evidenceId_number_key" ON "EvidenceRevision"("evidenceId", "number");

-- CreateIndex
CREATE INDEX "EvidenceSource_revisionId_idx" ON "EvidenceSource"("revisionId");

-- CreateIndex
CREATE INDEX "Attachment_revisionId_idx" ON "Attachment"("revisionId");

-- CreateIndex
CREATE INDEX "CurrentStatus_commitmentId_status_idx" ON "CurrentStatus"("commitmentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_at_idx" ON "AuditEvent"("userId", "at");

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentLink" ADD CONSTRAINT "CommitmentLink_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentLink" ADD CONSTRAINT "CommitmentLink_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentStatus" ADD CONSTRAINT "InstrumentStatus_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentStatus" ADD CONSTRAINT "InstrumentStatus_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentStatus" ADD CONSTRAINT "InstrumentStatus_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceRevision" ADD CONSTRAINT "EvidenceRevision_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceRevision" ADD CONSTRAINT "EvidenceRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceRevision" ADD CONSTRAINT "EvidenceRevision_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceSource" ADD CONSTRAINT "EvidenceSource_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "EvidenceRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "EvidenceRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurrentStatus" ADD CONSTRAINT "CurrentStatus_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurrentStatus" ADD CONSTRAINT "CurrentStatus_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurrentStatus" ADD CONSTRAINT "CurrentStatus_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "EvidenceRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserCountryScope" ADD CONSTRAINT "UserCountryScope_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserCountryScope" ADD CONSTRAINT "UserCountryScope_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
