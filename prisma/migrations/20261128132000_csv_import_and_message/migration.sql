-- CreateEnum
CREATE TYPE "InvitationImportStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN "message" TEXT;

-- CreateTable
CREATE TABLE "InvitationImport" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "createdById" UUID,
    "status" "InvitationImportStatus" NOT NULL DEFAULT 'PENDING',
    "fileName" TEXT NOT NULL,
    "message" TEXT,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "invited" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "nextRunAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "InvitationImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvitationImportRow" (
    "importId" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "groups" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "language" TEXT NOT NULL,
    "outcome" TEXT,
    "reason" TEXT,
    "invitationId" UUID,

    CONSTRAINT "InvitationImportRow_pkey" PRIMARY KEY ("importId","line")
);

-- CreateIndex
CREATE INDEX "InvitationImport_teamId_createdAt_id_idx" ON "InvitationImport"("teamId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "InvitationImport_status_nextRunAt_idx" ON "InvitationImport"("status", "nextRunAt");

-- AddForeignKey
ALTER TABLE "InvitationImport" ADD CONSTRAINT "InvitationImport_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationImport" ADD CONSTRAINT "InvitationImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationImportRow" ADD CONSTRAINT "InvitationImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "InvitationImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
