-- DropIndex
DROP INDEX "Invitation_teamId_createdAt_id_idx";

-- DropIndex
DROP INDEX "Invitation_teamId_deliveryStatus_idx";

-- DropIndex
DROP INDEX "Invitation_teamId_emailCanonical_idx";

-- DropIndex
DROP INDEX "Invitation_teamId_expiresAt_idx";

-- DropIndex
DROP INDEX "Invitation_teamId_status_expiresAt_idx";

-- DropIndex
DROP INDEX "Invitation_teamId_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Invitation_teamId_createdAt_id_idx" ON "Invitation"("teamId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Invitation_teamId_emailCanonical_id_idx" ON "Invitation"("teamId", "emailCanonical", "id");

-- CreateIndex
CREATE INDEX "Invitation_teamId_expiresAt_id_idx" ON "Invitation"("teamId", "expiresAt", "id");

-- CreateIndex
CREATE INDEX "Invitation_teamId_status_expiresAt_id_idx" ON "Invitation"("teamId", "status", "expiresAt", "id");

-- CreateIndex
CREATE INDEX "Invitation_teamId_deliveryStatus_createdAt_id_idx" ON "Invitation"("teamId", "deliveryStatus", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Invitation_teamId_updatedAt_id_idx" ON "Invitation"("teamId", "updatedAt", "id");

-- The unique (teamId, pendingKey) index allows one pending invitation per team and address only
-- if pendingKey is set exactly while PENDING, and the database holds the code to that.
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_pendingKey_matches_status" CHECK (
  "pendingKey" IS NOT DISTINCT FROM (CASE WHEN "status" = 'PENDING' THEN "emailCanonical" END)
);
