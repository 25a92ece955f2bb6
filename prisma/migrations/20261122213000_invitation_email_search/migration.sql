-- Trigram index so the invitations table's email search (LIKE '%…%') uses an index, not a scan.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner can create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Invitation_emailCanonical_trgm_idx" ON "Invitation" USING GIN ("emailCanonical" gin_trgm_ops);
