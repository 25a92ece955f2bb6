-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'SKIPPED';
