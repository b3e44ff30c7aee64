-- The events besides report decisions that notify people (issue 12).
ALTER TYPE "NotificationKind" ADD VALUE 'MENTION';
ALTER TYPE "NotificationKind" ADD VALUE 'COMMENT';
ALTER TYPE "NotificationKind" ADD VALUE 'POSITION';
ALTER TYPE "NotificationKind" ADD VALUE 'STATUS_ALERT';
ALTER TYPE "NotificationKind" ADD VALUE 'REPORT_REMINDER';
ALTER TYPE "NotificationKind" ADD VALUE 'REPORT_OVERDUE';
