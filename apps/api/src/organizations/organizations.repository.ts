import { Injectable } from '@nestjs/common';
import type { Constituency } from '@spct/contracts';
import { PrismaService } from '../database/prisma.service';

export interface OrganizationFields {
  shortName?: string;
  nameVi?: string;
  nameEn?: string;
  constituency?: Constituency;
}

/** How many rows still point at an organization. */
export interface OrganizationReferences {
  commitments: number;
  positions: number;
  members: number;
}

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findAll(workspaceId: string) {
    return this.prisma.organization.findMany({
      where: { workspaceId },
      orderBy: { shortName: 'asc' },
    });
  }

  findOne(workspaceId: string, id: string) {
    return this.prisma.organization.findFirst({ where: { workspaceId, id } });
  }

  create(workspaceId: string, data: Required<OrganizationFields>) {
    return this.prisma.organization.create({ data: { workspaceId, ...data } });
  }

  /** Updates an organization of the workspace; null when there is none with this id. */
  async update(workspaceId: string, id: string, data: OrganizationFields) {
    const { count } = await this.prisma.organization.updateMany({
      where: { workspaceId, id },
      data,
    });
    return count === 1 ? this.findOne(workspaceId, id) : null;
  }

  /**
   * Deletes an organization unless `refuse` objects to what still references it. The row is
   * locked first: a commitment, position or membership being added for it concurrently either
   * commits before the count (and is counted) or fails its foreign key after the delete.
   */
  deleteUnlessReferenced(
    workspaceId: string,
    id: string,
    refuse: (references: OrganizationReferences) => void,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Organization" WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid
        FOR UPDATE`;
      if (locked.length === 0) return false;
      const [led, coResponsible, positions, members] = await Promise.all([
        tx.commitment.count({ where: { leadOrgId: id } }),
        tx.commitmentCoOrganization.count({ where: { organizationId: id } }),
        tx.position.count({ where: { organizationId: id } }),
        tx.membership.count({ where: { organizationId: id } }),
      ]);
      refuse({ commitments: led + coResponsible, positions, members });
      await tx.organization.delete({ where: { id } });
      return true;
    });
  }
}
