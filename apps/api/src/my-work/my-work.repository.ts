import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { Prisma, type UpdateState } from '../generated/prisma/client';

const reportInclude = {
  author: { select: { id: true, displayName: true } },
  commitment: {
    select: {
      id: true,
      frameworkId: true,
      reference: true,
      titleVi: true,
      titleEn: true,
      framework: { select: { code: true } },
    },
  },
} satisfies Prisma.ProgressUpdateInclude;

export type ReportRow = Prisma.ProgressUpdateGetPayload<{ include: typeof reportInclude }>;

/** Whose reports to read: the caller's own, or everyone's but the caller's. */
export type Authorship = { authorId: string } | { notAuthorId: string };

@Injectable()
export class MyWorkRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Reports of the workspace in `state` on commitments that are not archived. */
  reports(
    workspaceId: string,
    state: UpdateState,
    authorship: Authorship,
    orderBy: Prisma.ProgressUpdateOrderByWithRelationInput[],
    take: number,
  ): Promise<ReportRow[]> {
    return this.prisma.progressUpdate.findMany({
      where: {
        workspaceId,
        state,
        commitment: { archived: false },
        ...('authorId' in authorship
          ? { authorId: authorship.authorId }
          : { authorId: { not: authorship.notAuthorId } }),
      },
      orderBy,
      take,
      include: reportInclude,
    });
  }
}
