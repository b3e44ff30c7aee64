// CPU time spent per request by each process a benchmark run involves, read from /proc: on a
// machine of few cores the API, PostgreSQL and the load generator share them, so req/s alone does
// not say which of them a request's time went to.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** Clock ticks per second of /proc/<pid>/stat's times (100 on Linux unless configured otherwise). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU milliseconds of a process so far; NaN when it cannot be read (a remote one). */
function processCpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces and parentheses), from the 3rd:
    // utime is the 14th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** CPU milliseconds of this very process (the load generator or the raw `pg` client). */
function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The server processes of this database's connections (their CPU is unreadable when it is remote). */
async function backendPids(admin: pg.Client): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return rows.map((row) => row.pid);
}

export interface CpuPerRequest {
  /** The API process, the PostgreSQL backends and this process, in ms per completed request. */
  api: number;
  postgres: number;
  client: number;
}

/**
 * CPU milliseconds of each PostgreSQL process among `pids`, where it can be read: a server in a
 * container or on another host reports process ids that are not this machine's (or are other
 * processes here).
 */
function postgresCpuOf(pids: number[]): Map<number, number> {
  const times = new Map<number, number>();
  for (const pid of pids) {
    if (commandOf(pid) !== 'postgres') continue;
    const ms = processCpuMs(pid);
    if (Number.isFinite(ms)) times.set(pid, ms);
  }
  return times;
}

/**
 * Runs `work` and returns it with the CPU each process spent on it per completed request. The
 * PostgreSQL backends are this database's at the start and at the end: one that ends during the
 * run counts for nothing, one that starts during it for all of its time.
 */
export async function measureCpu<T extends { completed: number }>(
  admin: pg.Client,
  apiPid: number | null,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuPerRequest }> {
  const backendsBefore = postgresCpuOf(await backendPids(admin));
  const apiBefore = apiPid ? processCpuMs(apiPid) : 0;
  const ownBefore = ownCpuMs();
  const result = await work();
  const own = ownCpuMs() - ownBefore;
  const api = apiPid ? processCpuMs(apiPid) - apiBefore : 0;
  const backendsAfter = postgresCpuOf(await backendPids(admin));
  let postgres = backendsAfter.size ? 0 : NaN; // NaN: a remote server
  for (const [pid, ms] of backendsAfter) postgres += ms - (backendsBefore.get(pid) ?? 0);
  const per = (ms: number) => (result.completed ? ms / result.completed : NaN);
  return { result, cpu: { api: per(api), postgres: per(postgres), client: per(own) } };
}
