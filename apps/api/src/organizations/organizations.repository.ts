import { Injectable } from '@nestjs/common';
import type { Constituency } from '@spct/contracts';
import { PrismaService } from '../database/prisma.service';
import type { Organization, Prisma } from '../generated/prisma/client';

export type Tx = Prisma.TransactionClient;
export type OrganizationRow = Organization;

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

  create(tx: Tx, workspaceId: string, data: Required<OrganizationFields>) {
    return tx.organization.create({ data: { workspaceId, ...data } });
  }

  /**
   * Runs `work` in one transaction. The waits are generous because a write holds the row lock of
   * its organization while concurrent writers of the same row queue behind it.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 10_000, timeout: 20_000 });
  }

  /** The organization, locked until the transaction ends (concurrent writers wait), or null. */
  async lock(tx: Tx, workspaceId: string, id: string): Promise<OrganizationRow | null> {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Organization" WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid
      FOR UPDATE`;
    if (locked.length === 0) return null;
    return tx.organization.findUniqueOrThrow({ where: { id } });
  }

  /** Writes the changed fields and moves the organization to its next version. */
  update(tx: Tx, id: string, data: OrganizationFields): Promise<OrganizationRow> {
    return tx.organization.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
  }

  /** How many rows still point at the organization (call with its row locked). */
  async references(tx: Tx, id: string): Promise<OrganizationReferences> {
    const [led, coResponsible, positions, members] = await Promise.all([
      tx.commitment.count({ where: { leadOrgId: id } }),
      tx.commitmentCoOrganization.count({ where: { organizationId: id } }),
      tx.position.count({ where: { organizationId: id } }),
      tx.membership.count({ where: { organizationId: id } }),
    ]);
    return { commitments: led + coResponsible, positions, members };
  }

  /**
   * Deletes the organization. Call with its row locked: a commitment, position or membership
   * being added for it concurrently either committed before `references` (and was counted) or
   * fails its foreign key after the delete.
   */
  async delete(tx: Tx, id: string): Promise<void> {
    await tx.organization.delete({ where: { id } });
  }
}
