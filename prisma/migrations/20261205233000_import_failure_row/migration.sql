-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "failureRow" JSONB;
