-- E-mail for notifications (issue 12): preferences, the deliveries a trigger writes in the
-- transaction of each notification, and the outbox of rendered messages.
CREATE TYPE "EmailDigestMode" AS ENUM ('IMMEDIATE', 'DAILY', 'WEEKLY', 'NEVER');
CREATE TYPE "EmailState" AS ENUM ('PENDING', 'SENT', 'NOT_SENT');

CREATE TABLE "NotificationPreference" (
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "inApp" BOOLEAN NOT NULL DEFAULT true,
    "email" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

CREATE TABLE "EmailDigestSetting" (
    "userId" UUID NOT NULL,
    "mode" "EmailDigestMode" NOT NULL DEFAULT 'DAILY',
    "hour" INTEGER NOT NULL DEFAULT 8,
    "weekday" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "EmailDigestSetting_pkey" PRIMARY KEY ("userId")
);

CREATE TABLE "EmailDelivery" (
    "notificationId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "digest" BOOLEAN NOT NULL,
    "emailId" UUID,

    CONSTRAINT "EmailDelivery_pkey" PRIMARY KEY ("notificationId")
);

CREATE TABLE "OutboundEmail" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "unsubscribeUrl" TEXT NOT NULL,
    "state" "EmailState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "queuedAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboundEmail_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "EmailDelivery_dueAt_idx" ON "EmailDelivery"("dueAt");
CREATE INDEX "EmailDelivery_emailId_idx" ON "EmailDelivery"("emailId");
CREATE INDEX "OutboundEmail_workspaceId_createdAt_id_idx" ON "OutboundEmail"("workspaceId", "createdAt", "id");
CREATE INDEX "OutboundEmail_state_queuedAt_idx" ON "OutboundEmail"("state", "queuedAt");

ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EmailDigestSetting" ADD CONSTRAINT "EmailDigestSetting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EmailDelivery" ADD CONSTRAINT "EmailDelivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EmailDelivery" ADD CONSTRAINT "EmailDelivery_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "OutboundEmail"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "OutboundEmail" ADD CONSTRAINT "OutboundEmail_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OutboundEmail" ADD CONSTRAINT "OutboundEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The next digest slot after `at_utc` (UTC, as Prisma stores timestamps): `hour` o'clock in
-- time zone `tz`, every day (DAILY) or on ISO weekday `weekday` (WEEKLY).
CREATE FUNCTION spct_next_digest(at_utc timestamp, mode "EmailDigestMode", hour int, weekday int, tz text)
RETURNS timestamp LANGUAGE sql STABLE AS $$
  WITH l AS (SELECT (at_utc AT TIME ZONE 'UTC') AT TIME ZONE tz AS local),
  c AS (
    SELECT local,
      date_trunc('day', local) + make_interval(hours => hour)
        + CASE WHEN mode = 'WEEKLY'
            THEN make_interval(days => (weekday - extract(isodow FROM local)::int + 7) % 7)
            ELSE interval '0' END AS slot
    FROM l)
  SELECT ((CASE WHEN slot > local THEN slot
                WHEN mode = 'WEEKLY' THEN slot + interval '7 days'
                ELSE slot + interval '1 day' END) AT TIME ZONE tz) AT TIME ZONE 'UTC'
  FROM c
$$;

-- Whatever code inserts notifications, those their recipient wants by e-mail get a delivery in
-- the same transaction: due now, or at the next digest slot for activity on followed items.
CREATE FUNCTION spct_notification_emails() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "EmailDelivery" ("notificationId", "workspaceId", "userId", "dueAt", "digest")
  SELECT n.id, n."workspaceId", n."userId",
    CASE WHEN x.activity AND x.mode <> 'IMMEDIATE'
      THEN spct_next_digest(now() AT TIME ZONE 'UTC', x.mode, COALESCE(s.hour, 8),
        COALESCE(s.weekday, 1), COALESCE(c."timeZone", 'Asia/Ho_Chi_Minh'))
      ELSE now() AT TIME ZONE 'UTC' END,
    x.activity AND x.mode <> 'IMMEDIATE'
  FROM new_notifications n
  LEFT JOIN "NotificationPreference" p ON p."userId" = n."userId" AND p.kind = n.kind
  LEFT JOIN "EmailDigestSetting" s ON s."userId" = n."userId"
  LEFT JOIN "ReportingCalendar" c ON c."workspaceId" = n."workspaceId"
  CROSS JOIN LATERAL (
    SELECT n.kind IN ('COMMENT', 'POSITION', 'STATUS_ALERT') AS activity,
      COALESCE(s.mode, 'DAILY') AS mode
  ) x
  WHERE COALESCE(p.email, true) AND NOT (x.activity AND x.mode = 'NEVER');
  RETURN NULL;
END
$$;

CREATE TRIGGER "Notification_email"
  AFTER INSERT ON "Notification"
  REFERENCING NEW TABLE AS new_notifications
  FOR EACH STATEMENT EXECUTE FUNCTION spct_notification_emails();
