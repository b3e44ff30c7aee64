import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@spct/contracts';
import { PrismaService } from '../database/prisma.service';
import type { EmailDigestDto, KindPreferenceDto } from './email.dto';

@Injectable()
export class NotificationPreferencesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async load(userId: string) {
    const [kinds, digest] = await Promise.all([
      this.prisma.notificationPreference.findMany({ where: { userId } }),
      this.prisma.emailDigestSetting.findUnique({ where: { userId } }),
    ]);
    return { kinds, digest };
  }

  async save(
    userId: string,
    kinds: KindPreferenceDto[] | undefined,
    digest: EmailDigestDto | undefined,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      if (kinds && kinds.length > 0) {
        await tx.$executeRaw`
          INSERT INTO "NotificationPreference" ("userId", kind, "inApp", email)
          SELECT ${userId}::uuid, k::"NotificationKind", i, e
          FROM unnest(${kinds.map((k) => k.kind)}::text[], ${kinds.map((k) => k.inApp)}::boolean[],
            ${kinds.map((k) => k.email)}::boolean[]) AS v(k, i, e)
          ON CONFLICT ("userId", kind) DO UPDATE SET "inApp" = EXCLUDED."inApp", email = EXCLUDED.email`;
      }
      if (digest) {
        await tx.emailDigestSetting.upsert({
          where: { userId },
          create: { userId, ...digest },
          update: digest,
        });
      }
    });
  }

  /** Turns off the e-mail of `kinds` for an active user; false when there is no such user. */
  async emailOff(userId: string, kinds: NotificationKind[]): Promise<boolean> {
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO "NotificationPreference" ("userId", kind, email)
      SELECT u.id, k::"NotificationKind", false
      FROM "User" u CROSS JOIN unnest(${kinds}::text[]) AS k
      WHERE u.id = ${userId}::uuid AND u.active
      ON CONFLICT ("userId", kind) DO UPDATE SET email = false`;
    return inserted > 0;
  }

  /** The user's language and whether the e-mail of each of `kinds` is on. */
  async emailState(
    userId: string,
    kinds: NotificationKind[],
  ): Promise<{ locale: string; emailOn: boolean } | null> {
    const user = await this.prisma.user.findFirst({
      where: { id: userId, active: true },
      select: {
        locale: true,
        notificationPrefs: { where: { kind: { in: kinds }, email: false }, select: { kind: true } },
      },
    });
    if (!user) return null;
    return { locale: user.locale, emailOn: user.notificationPrefs.length < kinds.length };
  }

  /** The kinds the user turned off in the app: left out of their inbox and unread count. */
  async hiddenKinds(userId: string): Promise<NotificationKind[]> {
    const rows = await this.prisma.notificationPreference.findMany({
      where: { userId, inApp: false },
      select: { kind: true },
    });
    return rows.map((row) => row.kind);
  }
}
