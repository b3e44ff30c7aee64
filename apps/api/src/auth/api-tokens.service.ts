import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type List, listOf } from '../common/list';
import type { Actor } from './actor';
import type { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './account.dto';
import { ApiTokensRepository } from './api-tokens.repository';
import { hashSecretToken, newSecretToken } from './secret-tokens';
import { SECURITY_CONFIG, type SecurityConfig } from './security-config';

const DAY_MS = 24 * 60 * 60_000;
/** How much of a token lists show: `spct_t_` and five random characters. */
export const TOKEN_PREFIX_LENGTH = 12;

type TokenRow = Awaited<ReturnType<ApiTokensRepository['findForUser']>>[number];

/** Personal API tokens: shown once at creation, stored only as a keyed hash. */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    @Inject(SECURITY_CONFIG) private readonly config: SecurityConfig,
  ) {}

  async list(actor: Actor): Promise<List<ApiTokenDto>> {
    const rows = await this.tokens.findForUser(actor.userId);
    return listOf(rows.map(toDto));
  }

  /**
   * A token cannot mint further tokens: otherwise one leaked token would outlive its own
   * revocation through the tokens it created.
   */
  async create(actor: Actor, input: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    if (actor.apiTokenId) {
      throw new ForbiddenException('Sign in with your password to create API tokens');
    }
    const token = newSecretToken('spct_t');
    const row = await this.tokens.create({
      userId: actor.userId,
      name: input.name,
      prefix: token.slice(0, TOKEN_PREFIX_LENGTH),
      tokenHash: hashSecretToken(this.config.sessionSecret, token),
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null,
    });
    return { token, ...toDto(row) };
  }

  /** Revokes one of the caller's tokens; anyone else's token does not exist for them. */
  async revoke(actor: Actor, id: string): Promise<void> {
    if (!(await this.tokens.revoke(actor.userId, id, new Date()))) {
      throw new NotFoundException(`API token ${id} not found`);
    }
  }
}

function toDto(row: TokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
