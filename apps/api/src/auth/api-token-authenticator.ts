import { Inject, Injectable } from '@nestjs/common';
import type { Authenticated } from './actor';
import { ApiTokensRepository } from './api-tokens.repository';
import { membershipOf } from './caller.query';
import { hashSecretToken } from './secret-tokens';
import { SECURITY_CONFIG, type SecurityConfig } from './security-config';

const USE_RECORD_INTERVAL_MS = 60_000;

/** Resolves `Authorization: Bearer <token>` to the token's user, while token and user are live. */
@Injectable()
export class ApiTokenAuthenticator {
  constructor(
    private readonly tokens: ApiTokensRepository,
    @Inject(SECURITY_CONFIG) private readonly config: SecurityConfig,
  ) {}

  /** The token's user and their membership of the workspace `slug`, in one statement. */
  async authenticate(token: string, slug: string | undefined): Promise<Authenticated | null> {
    const row = await this.tokens.findByTokenHash(
      hashSecretToken(this.config.sessionSecret, token),
      slug,
    );
    const now = Date.now();
    if (!row || row.revokedAt || !row.active) return null;
    if (row.expiresAt && row.expiresAt.getTime() <= now) return null;
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > USE_RECORD_INTERVAL_MS) {
      await this.tokens.markUsed(row.tokenId, new Date(now));
    }
    return {
      actor: { userId: row.userId, email: row.email, apiTokenId: row.tokenId },
      membership: membershipOf(row),
    };
  }
}
