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

export interface AuthenticatedRequest extends FastifyRequest {
  actor?: Actor;
  workspaceActor?: WorkspaceActor;
}
