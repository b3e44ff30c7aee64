import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The times of the latest `take` failures for an account or an address since `since`. */
  async latest(by: { email: string } | { ip: string }, since: Date, take: number) {
    const rows = await this.prisma.loginFailure.findMany({
      where: { ...by, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take,
      select: { createdAt: true },
    });
    return rows.map((row) => row.createdAt);
  }

  async record(email: string, ip: string): Promise<void> {
    await this.prisma.loginFailure.create({ data: { email, ip } });
  }

  async deleteForEmail(email: string): Promise<void> {
    await this.prisma.loginFailure.deleteMany({ where: { email } });
  }

  async deleteBefore(before: Date): Promise<number> {
    const { count } = await this.prisma.loginFailure.deleteMany({
      where: { createdAt: { lte: before } },
    });
    return count;
  }
}
