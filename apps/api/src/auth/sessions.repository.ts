import { Injectable } from '@nestjs/common';
import { KyselyService } from '../database/kysely.service';
import { PrismaService } from '../database/prisma.service';
import { callerQueries, callerWithMembership } from './caller.query';

/** The session of a token with its user and their membership of a workspace. */
function sessionQueries(db: KyselyService) {
  return callerQueries(['tokenHash'], (slug, a: { tokenHash: string }) =>
    callerWithMembership(db, slug)
      .innerJoin('Session', 'Session.userId', 'User.id')
      .select(['Session.id as sessionId', 'Session.lastSeenAt', 'Session.expiresAt'])
      .where('Session.tokenHash', '=', a.tokenHash),
  );
}

@Injectable()
export class SessionsRepository {
  private readonly byTokenHash: ReturnType<typeof sessionQueries>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly db: KyselyService,
  ) {
    this.byTokenHash = sessionQueries(db);
  }

  create(data: {
    userId: string;
    tokenHash: string;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  }) {
    return this.prisma.session.create({ data, select: { id: true } });
  }

  /** The session of a token with its user and their membership of `slug`: one statement. */
  async findByTokenHash(tokenHash: string, slug: string | undefined) {
    const { rows } = await this.db.executeQuery(this.byTokenHash({ tokenHash }, slug));
    return rows[0];
  }

  touch(id: string, at: Date) {
    return this.prisma.session.updateMany({ where: { id }, data: { lastSeenAt: at } });
  }

  delete(id: string) {
    return this.prisma.session.deleteMany({ where: { id } });
  }

  deleteForUser(userId: string, exceptId?: string) {
    return this.prisma.session.deleteMany({
      where: { userId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    });
  }

  deleteExpired(idleBefore: Date, now: Date) {
    return this.prisma.session.deleteMany({
      where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleBefore } }] },
    });
  }
}
