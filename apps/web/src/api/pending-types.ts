// To be replaced by generated schemas: shapes of the API routes being built in parallel (account,
// API tokens, set-password, workspace creation, members and organization administration). Once
// they are in packages/contracts/src/openapi.ts, each type below becomes an alias of
// `components['schemas'][...]` and the `callApi` calls become typed `api.GET/POST/...` calls.
import type { Constituency, Locale, Role } from '@spct/contracts';
import type { Organization, Translatable, Workspace } from './types';

/** `PATCH /api/auth/me` → Me */
export interface UpdateMeBody {
  displayName?: string;
  locale?: Locale;
}

/** `POST /api/auth/password` → 204 (400 details name the field) */
export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

/** One personal API token, `GET /api/auth/tokens` items. */
export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** `POST /api/auth/tokens` */
export interface CreateApiTokenBody {
  name: string;
  expiresInDays?: number;
}

/** `POST /api/auth/tokens` → 201: the secret `token` is shown this once. */
export interface CreatedApiToken extends ApiToken {
  token: string;
}

/** `GET /api/auth/password-tokens/:token` (404 when invalid or expired) */
export interface PasswordTokenInfo {
  email: string;
  displayName: string;
  workspaceName: string;
}

/** `POST /api/auth/set-password` → Me + session cookie */
export interface SetPasswordBody {
  token: string;
  password: string;
}

/** `POST /api/workspaces` → 201 Workspace */
export interface CreateWorkspaceBody {
  slug: string;
  name: string;
}
export type CreatedWorkspace = Workspace;

/** `GET /api/workspaces/:slug/members` items */
export interface Member {
  id: string;
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  organization: Organization | null;
  active: boolean;
  passwordSet: boolean;
  createdAt: string;
}

/** `POST /api/workspaces/:slug/members` */
export interface InviteMemberBody {
  email: string;
  displayName?: string;
  role: Role;
  organizationId?: string;
}

/** `POST .../members` → 201 and `POST .../members/:id/invitation` → 200 */
export interface Invitation {
  member: Member;
  /** The one-time set-password link; null when the user already has a password. */
  setPasswordUrl: string | null;
}

/** `PATCH /api/workspaces/:slug/members/:id` → Member (409 for the last admin) */
export interface UpdateMemberBody {
  role?: Role;
  organizationId?: string | null;
  active?: boolean;
}

/** `POST /api/workspaces/:slug/organizations` → 201 Organization; PATCH takes any subset. */
export interface OrganizationBody {
  shortName: string;
  name: Translatable;
  constituency: Constituency;
}
