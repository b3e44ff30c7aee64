import type { FastifyRequest } from 'fastify';
import type { Role } from '../generated/prisma/client';

/** Who is calling: set by the authentication guard on every non-public route. */
export interface Actor {
  userId: string;
  email: string;
  /** Set when the caller came with the session cookie. */
  sessionId?: string;
  /** Set when the caller came with an API token. */
  apiTokenId?: string;
}

/** The caller inside the workspace named by the route's `:slug`. */
export interface WorkspaceActor {
  userId: string;
  workspaceId: string;
  slug: string;
  role: Role;
  organizationId: string | null;
}

/** The caller's membership of the workspace a route names. */
export type Membership = Omit<WorkspaceActor, 'userId' | 'slug'>;

/** What authentication finds in one statement: the caller, and their membership of `:slug`. */
export interface Authenticated {
  actor: Actor;
  /** Null when the route names no workspace or the caller is no active member of it. */
  membership: Membership | null;
}

export interface AuthenticatedRequest extends FastifyRequest {
  actor?: Actor;
  workspaceActor?: WorkspaceActor;
}
