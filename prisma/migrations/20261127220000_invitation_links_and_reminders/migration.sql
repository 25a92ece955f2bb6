-- AlterTable
ALTER TABLE "Team" ADD COLUMN "remindBeforeExpiry" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN "reminderQueuedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "InvitationPreviousToken" (
    "tokenHash" TEXT NOT NULL,
    "invitationId" UUID NOT NULL,
    "replacedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvitationPreviousToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "InvitationPreviousToken_invitationId_idx" ON "InvitationPreviousToken"("invitationId");

-- CreateIndex
CREATE INDEX "Invitation_status_expiresAt_id_idx" ON "Invitation"("status", "expiresAt", "id");

-- AddForeignKey
ALTER TABLE "InvitationPreviousToken" ADD CONSTRAINT "InvitationPreviousToken_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
