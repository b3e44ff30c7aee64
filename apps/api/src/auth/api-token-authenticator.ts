import { Inject, Injectable } from '@nestjs/common';
import type { Authenticated } from './actor';
import { ApiTokensRepository } from './api-tokens.repository';
import { CallerCache } from './caller-cache';
import { membershipOf } from './caller.query';
import { hashSecretToken } from './secret-tokens';
import { SECURITY_CONFIG, type SecurityConfig } from './security-config';

const USE_RECORD_INTERVAL_MS = 60_000;

type TokenRow = NonNullable<Awaited<ReturnType<ApiTokensRepository['findByTokenHash']>>>;

/** Resolves `Authorization: Bearer <token>` to the token's user, while token and user are live. */
@Injectable()
export class ApiTokenAuthenticator {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly cache: CallerCache,
    @Inject(SECURITY_CONFIG) private readonly config: SecurityConfig,
  ) {}

  /**
   * The token's user and their membership of the workspace `slug`: from the caller cache, or
   * one statement.
   */
  async authenticate(token: string, slug: string | undefined): Promise<Authenticated | null> {
    const tokenHash = hashSecretToken(this.config.sessionSecret, token);
    const key = `t ${tokenHash} ${slug ?? ''}`;
    // Real time, not the app's Clock: tests move the Clock to other dates, not the credentials' age.
    const now = Date.now();
    let row = await this.cache.get<TokenRow>(key);
    if (row && !isLive(row, now)) {
      this.cache.delete(key);
      return null;
    }
    if (!row) {
      const fill = this.cache.beginFill();
      row = await this.tokens.findByTokenHash(tokenHash, slug);
      if (!row || !isLive(row, now)) return null;
      // A non-member's 404 is not worth a place in the cache.
      if (slug === undefined || membershipOf(row)) fill(key, row);
    }
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > USE_RECORD_INTERVAL_MS) {
      await this.tokens.markUsed(row.tokenId, new Date(now));
      row.lastUsedAt = new Date(now);
    }
    return {
      actor: { userId: row.userId, email: row.email, apiTokenId: row.tokenId },
      membership: membershipOf(row),
    };
  }
}

function isLive(row: TokenRow, now: number): boolean {
  return !row.revokedAt && row.active && (!row.expiresAt || row.expiresAt.getTime() > now);
}
