-- CreateEnum
CREATE TYPE "JoinPolicy" AS ENUM ('OFF', 'REQUEST', 'AUTO_JOIN');

-- CreateEnum
CREATE TYPE "JoinRequestKind" AS ENUM ('SUGGESTION', 'ASK');

-- CreateEnum
CREATE TYPE "JoinRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN "joinPolicy" "JoinPolicy" NOT NULL DEFAULT 'OFF';

-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN "joinRequestId" UUID;

-- CreateTable
CREATE TABLE "JoinRequest" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "kind" "JoinRequestKind" NOT NULL,
    "email" TEXT NOT NULL,
    "emailCanonical" TEXT NOT NULL,
    "pendingKey" TEXT,
    "note" TEXT,
    "requesterId" UUID,
    "status" "JoinRequestStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "rejectReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JoinRequest_pkey" PRIMARY KEY ("id"),
    -- The one-pending-per-address index relies on this: a decided request frees its address.
    CONSTRAINT "JoinRequest_pendingKey_check" CHECK (
        ("status" = 'PENDING' AND "pendingKey" = "emailCanonical") OR ("status" <> 'PENDING' AND "pendingKey" IS NULL)
    )
);

-- CreateIndex
CREATE INDEX "EmailOutbox_joinRequestId_idx" ON "EmailOutbox"("joinRequestId");

-- CreateIndex
CREATE INDEX "JoinRequest_teamId_status_createdAt_id_idx" ON "JoinRequest"("teamId", "status", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "JoinRequest_requesterId_idx" ON "JoinRequest"("requesterId");

-- CreateIndex
CREATE INDEX "JoinRequest_decidedById_idx" ON "JoinRequest"("decidedById");

-- CreateIndex
CREATE UNIQUE INDEX "JoinRequest_teamId_pendingKey_key" ON "JoinRequest"("teamId", "pendingKey");

-- AddForeignKey
ALTER TABLE "EmailOutbox" ADD CONSTRAINT "EmailOutbox_joinRequestId_fkey" FOREIGN KEY ("joinRequestId") REFERENCES "JoinRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
