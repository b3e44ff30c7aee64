import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PasswordTokensRepository } from './password-tokens.repository';
import { hashSecretToken, newSecretToken } from './secret-tokens';
import { SECURITY_CONFIG, type SecurityConfig } from './security-config';

export const PASSWORD_LINK_DAYS = 7;
const DAY_MS = 24 * 60 * 60_000;

/** One-time set-password links, as sent with an invitation. Only the token's hash is stored. */
@Injectable()
export class PasswordTokensService {
  constructor(
    private readonly tokens: PasswordTokensRepository,
    @Inject(SECURITY_CONFIG) private readonly config: SecurityConfig,
  ) {}

  /**
   * A fresh link for the user (earlier unused ones stop working), valid for 7 days; stored inside
   * the caller's `tx`.
   */
  async issue(
    userId: string,
    context: { workspaceId: string; createdById: string },
    tx: Prisma.TransactionClient,
  ): Promise<string> {
    const token = newSecretToken('spct_p');
    await this.tokens.replaceForUser(
      {
        userId,
        tokenHash: this.hash(token),
        expiresAt: new Date(Date.now() + PASSWORD_LINK_DAYS * DAY_MS),
        workspaceId: context.workspaceId,
        createdById: context.createdById,
      },
      tx,
    );
    const base = this.config.publicUrl.replace(/\/+$/, '');
    return `${base}/set-password?token=${encodeURIComponent(token)}`;
  }

  /** Who a live link is for, or null when it is unknown, expired or used. */
  describe(token: string) {
    return this.tokens.findLive(this.hash(token), new Date());
  }

  /** Sets the password through a live link and uses it up; null when the link is dead. */
  redeem(token: string, passwordHash: string): Promise<string | null> {
    return this.tokens.redeem(this.hash(token), passwordHash, new Date());
  }

  private hash(token: string): string {
    return hashSecretToken(this.config.sessionSecret, token);
  }
}
