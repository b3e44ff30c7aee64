import { Prisma } from '../generated/prisma/client';

/** Thrown instead of touching the database while it is known to be unreachable. */
export class DatabaseUnavailableError extends Error {
  constructor(message = 'The database is unreachable') {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * Prisma's codes for a server it cannot reach or that dropped the connection: P1001 can't reach,
 * P1002 timed out, P1008 operation timed out, P1017 connection closed, P2024 no connection from
 * the pool in time, P2037 too many connections.
 */
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);

/**
 * PostgreSQL SQLSTATE classes of a server that is away or cannot serve now: 08 connection
 * exceptions, 53 insufficient resources (too many connections), 57 operator intervention
 * (shutdown, statement timeout, cannot connect now).
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|57)/;

/** Node socket errors of a connection that could not be made or was lost. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** The errors node-postgres raises without a code when a connection times out or drops. */
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'is not queryable',
  'Cannot use a pool after calling end on the pool',
];

function hasUnavailableSqlState(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const cause = value as { code?: unknown; originalCode?: unknown; kind?: unknown };
  if (
    ['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'].includes(
      String(cause.kind),
    )
  ) {
    return true;
  }
  return [cause.code, cause.originalCode].some(
    (code) => typeof code === 'string' && UNAVAILABLE_SQLSTATE.test(code),
  );
}

/**
 * Whether `error` (or what caused it) says the database cannot be reached or cannot serve now,
 * rather than that the request was wrong: such a failure is a 503, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    if (e instanceof Prisma.PrismaClientInitializationError) return true;
    if (e instanceof Prisma.PrismaClientKnownRequestError) {
      if (PRISMA_UNAVAILABLE.has(e.code)) return true;
      const adapterError = (e.meta as { driverAdapterError?: { cause?: unknown } } | undefined)
        ?.driverAdapterError;
      if (hasUnavailableSqlState(adapterError?.cause)) return true;
    }
    if (typeof e === 'object') {
      const { code, message } = e as { code?: unknown; message?: unknown };
      if (typeof code === 'string' && (SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) {
        return true;
      }
      if (
        typeof message === 'string' &&
        PG_CONNECTION_MESSAGES.some((known) => message.includes(known))
      ) {
        return true;
      }
      const cause = (e as { cause?: unknown }).cause;
      if (hasUnavailableSqlState(cause)) return true;
      e = cause;
    } else {
      break;
    }
  }
  return false;
}
