-- DropIndex
DROP INDEX "LoginFailure_email_createdAt_idx";

-- CreateIndex
CREATE INDEX "LoginFailure_createdAt_idx" ON "LoginFailure"("createdAt");

