-- The report reminders sent (issue 12): one row per period, item, person, kind and step, whose
-- primary key makes each reminder go once even when several sweeps run at the same time.

-- CreateTable
CREATE TABLE "ReportReminder" (
    "periodId" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "stage" INTEGER NOT NULL,
    "workspaceId" UUID NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportReminder_pkey" PRIMARY KEY ("periodId","commitmentId","userId","kind","stage")
);

-- CreateIndex
CREATE INDEX "ReportReminder_commitmentId_idx" ON "ReportReminder"("commitmentId");

-- CreateIndex
CREATE INDEX "ReportReminder_userId_idx" ON "ReportReminder"("userId");

-- AddForeignKey
ALTER TABLE "ReportReminder" ADD CONSTRAINT "ReportReminder_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportReminder" ADD CONSTRAINT "ReportReminder_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportReminder" ADD CONSTRAINT "ReportReminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
