import { Injectable } from '@nestjs/common';
import { KyselyService } from '../database/kysely.service';
import { PrismaService } from '../database/prisma.service';
import { callerQueries, callerWithMembership } from './caller.query';

/** What a token's owner may see of it (never its hash). */
const TOKEN_FIELDS = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

/** An API token with its user and their membership of a workspace. */
function tokenQueries(db: KyselyService) {
  return callerQueries(['tokenHash'], (slug, a: { tokenHash: string }) =>
    callerWithMembership(db, slug)
      .innerJoin('ApiToken', 'ApiToken.userId', 'User.id')
      .select([
        'ApiToken.id as tokenId',
        'ApiToken.expiresAt',
        'ApiToken.revokedAt',
        'ApiToken.lastUsedAt',
      ])
      .where('ApiToken.tokenHash', '=', a.tokenHash),
  );
}

@Injectable()
export class ApiTokensRepository {
  private readonly byTokenHash: ReturnType<typeof tokenQueries>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly db: KyselyService,
  ) {
    this.byTokenHash = tokenQueries(db);
  }

  /** The token with its user and their membership of `slug`: one statement. */
  async findByTokenHash(tokenHash: string, slug: string | undefined) {
    const { rows } = await this.db.executeQuery(this.byTokenHash({ tokenHash }, slug));
    return rows[0];
  }

  markUsed(id: string, at: Date) {
    return this.prisma.apiToken.updateMany({ where: { id }, data: { lastUsedAt: at } });
  }

  findForUser(userId: string) {
    return this.prisma.apiToken.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      select: TOKEN_FIELDS,
    });
  }

  create(data: {
    userId: string;
    name: string;
    prefix: string;
    tokenHash: string;
    expiresAt: Date | null;
  }) {
    return this.prisma.apiToken.create({ data, select: TOKEN_FIELDS });
  }

  /** Revokes one of the user's tokens (a revoked one keeps its first revocation time). */
  async revoke(userId: string, id: string, at: Date): Promise<boolean> {
    const token = await this.prisma.apiToken.findFirst({
      where: { id, userId },
      select: { id: true },
    });
    if (!token) return false;
    await this.prisma.apiToken.updateMany({
      where: { id, userId, revokedAt: null },
      data: { revokedAt: at },
    });
    return true;
  }
}
