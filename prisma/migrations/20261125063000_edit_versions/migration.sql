-- Optimistic concurrency for every record people edit: a stale If-Match gets 412 instead of
-- silently overwriting someone else's change.
ALTER TABLE "Organization" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Membership" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Framework" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Indicator" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Comment" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Position" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
