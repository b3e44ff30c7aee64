import { periodStartOf } from '../src/reporting-periods/period-keys';
import {
  DEFAULT_CALENDAR,
  ensurePeriodsStarting,
} from '../src/reporting-periods/reporting-periods.repository';
import type { PrismaService } from '../src/database/prisma.service';

/** The id of the quarterly period `key` ("2026-Q3") of a workspace, created when missing. */
export async function quarterId(
  prisma: PrismaService,
  workspaceId: string,
  key: string,
): Promise<string> {
  const start = periodStartOf('QUARTERLY', key);
  if (!start) throw new Error(`${key} is not a quarter`);
  const ids = await ensurePeriodsStarting(prisma, workspaceId, DEFAULT_CALENDAR, [start]);
  return ids.get(key)!;
}
