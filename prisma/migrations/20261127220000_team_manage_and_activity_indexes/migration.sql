-- DropIndex
DROP INDEX "AuditEvent_teamId_createdAt_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_teamId_createdAt_id_idx" ON "AuditEvent"("teamId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_teamId_action_createdAt_id_idx" ON "AuditEvent"("teamId", "action", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_teamId_actorId_action_createdAt_id_idx" ON "AuditEvent"("teamId", "actorId", "action", "createdAt" DESC, "id" DESC);

-- The General settings page's permission (lib/permissions/catalogue.ts): owners of existing teams get it,
-- as owners of new teams do. Admins do not.
UPDATE "Role" SET "permissions" = array_append("permissions", 'team.manage')
WHERE "builtIn" AND "key" = 'owner' AND NOT ('team.manage' = ANY("permissions"));
