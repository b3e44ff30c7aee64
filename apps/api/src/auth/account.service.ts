import { Injectable, NotFoundException } from '@nestjs/common';
import { FieldValidationException } from '../common/api-error';
import type { Actor } from './actor';
import type {
  ChangePasswordDto,
  PasswordTokenInfoDto,
  SetPasswordDto,
  UpdateMeDto,
} from './account.dto';
import type { MeDto } from './auth.dto';
import { AuthService } from './auth.service';
import { LoginThrottle, type SignInClient } from './login-throttle';
import { PasswordTokensService } from './password-tokens.service';
import { hashPassword, verifyPassword } from './passwords';
import { SessionsService } from './sessions.service';
import { UsersRepository } from './users.repository';

/** The signed-in user's own account: profile, password, and passwords set through a link. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly passwordTokens: PasswordTokensService,
  ) {}

  async updateMe(actor: Actor, input: UpdateMeDto): Promise<MeDto> {
    await this.users.updateProfile(actor.userId, input);
    return this.auth.me(actor.userId);
  }

  /**
   * Replaces the password after checking the current one, and ends every other session of the
   * user (the one making the change stays signed in). Wrong current passwords count as failed
   * sign-ins, so a stolen session cannot be used to guess the password.
   */
  async changePassword(
    actor: Actor,
    input: ChangePasswordDto,
    client: SignInClient,
  ): Promise<void> {
    const user = await this.users.findPasswordHash(actor.userId);
    const email = user?.email ?? actor.email;
    await this.throttle.assertMayTry(email, client);
    if (!(await verifyPassword(user?.passwordHash, input.currentPassword))) {
      await this.throttle.recordFailure(email, client);
      throw new FieldValidationException([
        {
          field: 'currentPassword',
          code: 'wrongPassword',
          message: 'is not your current password',
        },
      ]);
    }
    await this.users.setPasswordHash(actor.userId, await hashPassword(input.newPassword));
    await this.sessions.endAllForUser(actor.userId, actor.sessionId);
  }

  async describePasswordToken(token: string): Promise<PasswordTokenInfoDto> {
    const info = await this.passwordTokens.describe(token);
    if (!info) throw new NotFoundException('This link is unknown, expired or already used');
    return info;
  }

  /**
   * Sets the password through a one-time link, ends the user's earlier sessions and starts one,
   * as a sign-in does.
   */
  async setPassword(
    input: SetPasswordDto,
    meta: { ip: string; userAgent?: string },
  ): Promise<{ token: string; userId: string }> {
    const userId = await this.passwordTokens.redeem(
      input.token,
      await hashPassword(input.password),
    );
    if (!userId) {
      throw new FieldValidationException([
        {
          field: 'token',
          code: 'invalidLink',
          message: 'this link is unknown, expired or already used',
        },
      ]);
    }
    // A new password ends every earlier session, as a password change does.
    await this.sessions.endAllForUser(userId);
    return { token: await this.sessions.start(userId, meta), userId };
  }
}
