import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class ExportsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Organization short names by id, for the lead organization column. */
  async organizationNames(workspaceId: string): Promise<Map<string, string>> {
    const rows = await this.prisma.organization.findMany({
      where: { workspaceId },
      select: { id: true, shortName: true },
    });
    return new Map(rows.map((o) => [o.id, o.shortName]));
  }
}
