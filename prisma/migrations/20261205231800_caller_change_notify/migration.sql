-- Every API process caches authenticated callers for a few seconds (auth/caller-cache.ts) and
-- LISTENs on this channel: a change that can end a session or token, or alter a user's
-- membership, tells every process in the transaction that makes it (delivered at commit),
-- whichever code path or tool wrote it. The payload is the user id, or '*' for everyone.
CREATE FUNCTION spct_notify_caller_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_NARGS = 0 THEN
    PERFORM pg_notify('spct_caller', '*');
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('spct_caller', to_jsonb(OLD) ->> TG_ARGV[0]);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('spct_caller', to_jsonb(NEW) ->> TG_ARGV[0]);
  END IF;
  RETURN NULL;
END $$;

-- Logout, password change or reset, deactivation and the expiry sweep delete sessions; recording
-- a session's last use (lastSeenAt) changes nothing a cache holds and is not announced.
CREATE TRIGGER "Session_caller_change"
  AFTER DELETE OR UPDATE OF "userId", "tokenHash", "expiresAt" ON "Session"
  FOR EACH ROW EXECUTE FUNCTION spct_notify_caller_change('userId');

-- Moving lastSeenAt back (an administrator, a test) can make a session idle: announced, unlike
-- the forward moves of every use.
CREATE TRIGGER "Session_caller_rewind"
  AFTER UPDATE OF "lastSeenAt" ON "Session"
  FOR EACH ROW WHEN (NEW."lastSeenAt" < OLD."lastSeenAt")
  EXECUTE FUNCTION spct_notify_caller_change('userId');

-- Revocation; lastUsedAt is not announced either.
CREATE TRIGGER "ApiToken_caller_change"
  AFTER DELETE OR UPDATE OF "userId", "tokenHash", "expiresAt", "revokedAt" ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION spct_notify_caller_change('userId');

CREATE TRIGGER "User_caller_change"
  AFTER DELETE OR UPDATE OF "email", "active", "passwordHash" ON "User"
  FOR EACH ROW EXECUTE FUNCTION spct_notify_caller_change('id');

-- Invitation, role change, removal, reactivation, a new organisation.
CREATE TRIGGER "Membership_caller_change"
  AFTER INSERT OR DELETE OR UPDATE OF "userId", "workspaceId", "role", "organizationId", "active"
  ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION spct_notify_caller_change('userId');

-- The cache is keyed by the workspace's slug.
CREATE TRIGGER "Workspace_caller_change"
  AFTER DELETE OR UPDATE OF "slug" ON "Workspace"
  FOR EACH STATEMENT EXECUTE FUNCTION spct_notify_caller_change();

CREATE TRIGGER "Session_caller_truncate" AFTER TRUNCATE ON "Session"
  FOR EACH STATEMENT EXECUTE FUNCTION spct_notify_caller_change();
CREATE TRIGGER "ApiToken_caller_truncate" AFTER TRUNCATE ON "ApiToken"
  FOR EACH STATEMENT EXECUTE FUNCTION spct_notify_caller_change();
CREATE TRIGGER "User_caller_truncate" AFTER TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION spct_notify_caller_change();
CREATE TRIGGER "Membership_caller_truncate" AFTER TRUNCATE ON "Membership"
  FOR EACH STATEMENT EXECUTE FUNCTION spct_notify_caller_change();
CREATE TRIGGER "Workspace_caller_truncate" AFTER TRUNCATE ON "Workspace"
  FOR EACH STATEMENT EXECUTE FUNCTION spct_notify_caller_change();
