-- CreateEnum
CREATE TYPE "ImportFailure" AS ENUM ('ROWS_CHANGED', 'WRITE_FAILED');

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "failureCode" "ImportFailure";
