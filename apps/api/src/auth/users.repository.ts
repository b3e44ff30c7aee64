import { Injectable } from '@nestjs/common';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { compiledOnce } from '../database/compiled-once';
import { KyselyService } from '../database/kysely.service';
import { PrismaService } from '../database/prisma.service';

/** A user with their active memberships (workspace and organization), for `/auth/me`. */
function profileQuery(db: KyselyService) {
  return compiledOnce(['userId'], (a: { userId: string }) =>
    db
      .selectFrom('User')
      .select(['User.id', 'User.email', 'User.displayName', 'User.locale'])
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('Membership')
            .innerJoin('Workspace', 'Workspace.id', 'Membership.workspaceId')
            .select([
              'Membership.role',
              'Workspace.id as workspaceId',
              'Workspace.slug',
              'Workspace.name',
              'Workspace.isDemo',
            ])
            .select((member) =>
              jsonObjectFrom(
                member
                  .selectFrom('Organization')
                  .select(['id', 'shortName', 'nameVi', 'nameEn', 'constituency', 'version'])
                  .whereRef('Organization.id', '=', 'Membership.organizationId'),
              ).as('organization'),
            )
            .whereRef('Membership.userId', '=', 'User.id')
            .where('Membership.active', '=', true)
            .orderBy('Workspace.name')
            .orderBy('Workspace.id'),
        ).as('memberships'),
      )
      .where('User.id', '=', a.userId),
  );
}

@Injectable()
export class UsersRepository {
  private readonly profileQuery: ReturnType<typeof profileQuery>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly db: KyselyService,
  ) {
    this.profileQuery = profileQuery(db);
  }

  findCredentials(email: string) {
    return this.prisma.user.findUnique({
      where: { email },
      select: { id: true, email: true, passwordHash: true, active: true },
    });
  }

  /** The user with their active memberships (workspace and organization), for `/auth/me`. */
  async findProfile(userId: string) {
    const { rows } = await this.db.executeQuery(this.profileQuery({ userId }));
    return rows[0];
  }

  findPasswordHash(userId: string) {
    return this.prisma.user.findUnique({
      where: { id: userId },
      select: { email: true, passwordHash: true },
    });
  }

  async updateProfile(userId: string, data: { displayName?: string; locale?: string }) {
    await this.prisma.user.update({ where: { id: userId }, data, select: { id: true } });
  }

  async setPasswordHash(userId: string, passwordHash: string) {
    await this.prisma.user.update({
      where: { id: userId },
      data: { passwordHash },
      select: { id: true },
    });
  }
}
