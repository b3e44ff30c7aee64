import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

const SESSION_USER = { select: { id: true, email: true, active: true } } as const;

@Injectable()
export class SessionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: {
    userId: string;
    tokenHash: string;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  }) {
    return this.prisma.session.create({ data, select: { id: true } });
  }

  findByTokenHash(tokenHash: string) {
    return this.prisma.session.findUnique({
      where: { tokenHash },
      select: { id: true, lastSeenAt: true, expiresAt: true, user: SESSION_USER },
    });
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
