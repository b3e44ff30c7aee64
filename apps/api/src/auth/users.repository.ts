import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  findCredentials(email: string) {
    return this.prisma.user.findUnique({
      where: { email },
      select: { id: true, email: true, passwordHash: true, active: true },
    });
  }

  /** The user with their active memberships, for `/auth/me`. */
  findProfile(userId: string) {
    return this.prisma.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        displayName: true,
        locale: true,
        memberships: {
          where: { active: true },
          orderBy: { workspace: { name: 'asc' } },
          select: {
            role: true,
            workspace: { select: { id: true, slug: true, name: true, isDemo: true } },
            organization: {
              select: {
                id: true,
                shortName: true,
                nameVi: true,
                nameEn: true,
                constituency: true,
                version: true,
              },
            },
          },
        },
      },
    });
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
