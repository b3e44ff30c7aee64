import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

/** The failed sign-ins that decide whether an attempt may proceed. */
export interface FailureCounts {
  /** Failures of this account from this address. */
  pairFailures: number;
  pairLatest: Date | null;
  /** Failures from this address, on any account, and on how many different accounts. */
  addressFailures: number;
  addressAccounts: number;
  addressLatest: Date | null;
}

/** A member's failed sign-ins from one address, for the workspace's administrators. */
export interface MemberFailures {
  userId: string;
  email: string;
  displayName: string;
  address: string;
  failures: number;
  lastFailedAt: Date;
}

@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One statement over the address's recent failures (index on ip, createdAt). */
  async countsSince(email: string, ip: string, since: Date): Promise<FailureCounts> {
    const [row] = await this.prisma.$queryRaw<FailureCounts[]>`
      SELECT count(*) FILTER (WHERE email = ${email})::int AS "pairFailures",
             max("createdAt") FILTER (WHERE email = ${email}) AS "pairLatest",
             count(*)::int AS "addressFailures",
             count(DISTINCT email)::int AS "addressAccounts",
             max("createdAt") AS "addressLatest"
      FROM "LoginFailure"
      WHERE ip = ${ip} AND "createdAt" > ${since}`;
    return row!;
  }

  async record(email: string, ip: string): Promise<void> {
    await this.prisma.loginFailure.create({ data: { email, ip } });
  }

  /** Forgets an account's failures from one address (its owner signed in from there). */
  async forgive(email: string, ip: string): Promise<void> {
    await this.prisma.loginFailure.deleteMany({ where: { email, ip } });
  }

  async deleteBefore(before: Date): Promise<number> {
    const { count } = await this.prisma.loginFailure.deleteMany({
      where: { createdAt: { lte: before } },
    });
    return count;
  }

  /** The workspace's members' failures since `since`, per account and address, latest first. */
  recentForWorkspace(workspaceId: string, since: Date, limit: number): Promise<MemberFailures[]> {
    return this.prisma.$queryRaw<MemberFailures[]>`
      SELECT u.id AS "userId", u.email, u."displayName", f.ip AS address,
             count(*)::int AS failures, max(f."createdAt") AS "lastFailedAt"
      FROM "LoginFailure" f
      JOIN "User" u ON u.email = f.email
      JOIN "Membership" m ON m."userId" = u.id AND m."workspaceId" = ${workspaceId}::uuid
      WHERE f."createdAt" > ${since}
      GROUP BY u.id, u.email, u."displayName", f.ip
      ORDER BY max(f."createdAt") DESC, u.email, f.ip
      LIMIT ${limit}`;
  }
}
