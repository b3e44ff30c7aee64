import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from './actor';
import { ApiTokensRepository } from './api-tokens.repository';
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

  async authenticate(token: string): Promise<Actor | null> {
    const row = await this.tokens.findByTokenHash(
      hashSecretToken(this.config.sessionSecret, token),
    );
    const now = Date.now();
    if (!row || row.revokedAt || !row.user.active) return null;
    if (row.expiresAt && row.expiresAt.getTime() <= now) return null;
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > USE_RECORD_INTERVAL_MS) {
      await this.tokens.markUsed(row.id, new Date(now));
    }
    return { userId: row.user.id, email: row.user.email, apiTokenId: row.id };
  }
}
