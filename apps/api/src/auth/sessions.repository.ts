import { Injectable } from '@nestjs/common';
import { KyselyService } from '../database/kysely.service';
import { PrismaService } from '../database/prisma.service';
import { callerWithMembership } from './caller.query';

@Injectable()
export class SessionsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly db: KyselyService,
  ) {}

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
  findByTokenHash(tokenHash: string, slug: string | undefined) {
    return callerWithMembership(this.db, slug)
      .innerJoin('Session', 'Session.userId', 'User.id')
      .select(['Session.id as sessionId', 'Session.lastSeenAt', 'Session.expiresAt'])
      .where('Session.tokenHash', '=', tokenHash)
      .executeTakeFirst();
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
