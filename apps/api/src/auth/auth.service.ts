import { HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { ApiException } from '../common/api-error';
import type { Locale } from '@spct/contracts';
import { toOrganizationDto } from '../organizations/organization.dto';
import type { MeDto } from './auth.dto';
import { LoginThrottle, type SignInClient } from './login-throttle';
import { verifyPassword } from './passwords';
import { SessionsService } from './sessions.service';
import { UsersRepository } from './users.repository';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Checks the credentials and starts a session. An unknown e-mail, a wrong password and a
   * deactivated account all get the same 401, after the same amount of work.
   */
  async login(
    rawEmail: string,
    password: string,
    meta: SignInClient & { userAgent?: string },
  ): Promise<{ token: string; userId: string }> {
    const email = normalizeEmail(rawEmail);
    await this.throttle.assertMayTry(email, meta);

    const user = await this.users.findCredentials(email);
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!user || !valid || !user.active) {
      await this.throttle.recordFailure(email, meta);
      throw new ApiException(
        HttpStatus.UNAUTHORIZED,
        'invalidCredentials',
        'The e-mail or password is not correct',
      );
    }
    await this.throttle.recordSuccess(email, meta);
    // Housekeeping rides on sign-ins instead of an in-process timer (replicas stay stateless).
    await Promise.all([this.sessions.deleteExpired(), this.throttle.deleteExpired()]);
    const token = await this.sessions.start(user.id, meta);
    return { token, userId: user.id };
  }

  async me(userId: string): Promise<MeDto> {
    const profile = await this.users.findProfile(userId);
    if (!profile) throw new UnauthorizedException('Sign in to continue');
    return {
      user: {
        id: profile.id,
        email: profile.email,
        displayName: profile.displayName,
        locale: profile.locale as Locale,
      },
      memberships: profile.memberships.map((m) => ({
        workspace: { id: m.workspaceId, slug: m.slug, name: m.name, isDemo: m.isDemo },
        role: m.role,
        organization: m.organization && toOrganizationDto(m.organization),
      })),
    };
  }
}
