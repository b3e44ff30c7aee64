import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findAll(workspaceId: string) {
    return this.prisma.organization.findMany({
      where: { workspaceId },
      orderBy: { shortName: 'asc' },
    });
  }
}
