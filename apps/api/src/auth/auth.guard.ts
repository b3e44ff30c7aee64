import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PERMISSION_KEY } from '../permissions/permission.decorator';
import { type Action, mayAttempt } from '@spct/contracts';
import type { Authenticated, AuthenticatedRequest } from './actor';
import { ApiTokenAuthenticator } from './api-token-authenticator';
import { PUBLIC_KEY, SIGNED_LINK_KEY } from './public.decorator';
import { assertSameOriginWrite } from './request-origin';
import { SECURITY_CONFIG, type SecurityConfig } from './security-config';
import { readSessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';

/**
 * Runs before every route: refuses cross-site writes, authenticates the caller (session cookie
 * or API token) and finds their membership of the `:slug` workspace in the same statement
 * (non-members get 404), and refuses roles that can never do the route's declared action.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly apiTokens: ApiTokenAuthenticator,
    @Inject(SECURITY_CONFIG) private readonly config: SecurityConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const bearer = bearerToken(request.headers.authorization);
    // Integrations authenticate with a header a browser never adds by itself: no forgery risk.
    const signedLink = this.reflector.getAllAndOverride<boolean>(SIGNED_LINK_KEY, targets);
    if (bearer === undefined && !signedLink) {
      assertSameOriginWrite(request, this.config.allowedOrigins);
    }
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const slug = (request.params as Record<string, string | undefined>).slug;
    const found = await this.authenticate(request, bearer, slug);
    if (!found) throw new UnauthorizedException('Sign in to continue');
    request.actor = found.actor;

    if (slug === undefined) return true;
    // Checked before membership, so that any signed-in caller trips over a forgotten declaration.
    const action = this.reflector.getAllAndOverride<Action | undefined>(PERMISSION_KEY, targets);
    if (!action) {
      throw new Error(`${request.method} ${request.routeOptions.url} declares no @Permission`);
    }
    // A workspace the caller does not belong to does not exist for them: 404, as for an unknown slug.
    if (!found.membership) throw new NotFoundException(`Workspace "${slug}" not found`);
    const member = { userId: found.actor.userId, slug, ...found.membership };
    request.workspaceActor = member;
    if (!mayAttempt(member.role, action)) {
      throw new ForbiddenException(`Your role in this workspace does not allow ${action}`);
    }
    return true;
  }

  /** The caller and their membership of `slug`, from the session cookie or the API token. */
  private async authenticate(
    request: AuthenticatedRequest,
    bearer: string | undefined,
    slug: string | undefined,
  ): Promise<Authenticated | null> {
    if (bearer !== undefined) return bearer ? this.apiTokens.authenticate(bearer, slug) : null;
    const token = readSessionCookie(request, this.config.secureCookies);
    return token ? this.sessions.authenticate(token, slug) : null;
  }
}

/** The token of `Authorization: Bearer <token>`; '' for any other Authorization header. */
function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : '';
}
