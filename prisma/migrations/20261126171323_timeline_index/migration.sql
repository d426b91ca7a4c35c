-- CreateIndex
CREATE INDEX "EvidenceRevision_state_observedOn_idx" ON "EvidenceRevision"("state", "observedOn");
