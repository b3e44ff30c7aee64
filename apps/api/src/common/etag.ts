import {
  type CallHandler,
  ConflictException,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type Observable, tap } from 'rxjs';
import { ApiException } from './api-error';

/** The strong entity tag of a record version: `"7"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * Whether an `If-Match` header names `version`. Strong comparison (RFC 9110 §13.1.1): a weak
 * tag `W/"7"` never matches. The tag of a read, `"7-<digest>"` (conditional-get.ts), names
 * version 7 too; a bare `7` is accepted for hand-written clients; a list matches when any of its
 * tags does.
 */
export function ifMatchNames(header: string, version: number): boolean {
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some(
      (tag) => tag === etagOf(version) || tag === String(version) || tag.startsWith(`"${version}-`),
    );
}

/**
 * 428 unless the request says which version it edits. `*` ("any version") is refused too: it
 * would let a write overwrite changes the client never saw.
 */
export function requireIfMatch(header: string | undefined): string {
  if (header === undefined || header.trim() === '' || header.trim() === '*') {
    throw new ApiException(
      HttpStatus.PRECONDITION_REQUIRED,
      'preconditionRequired',
      'Send If-Match with the ETag of the version you edited',
    );
  }
  return header;
}

/**
 * Thrown inside a write's transaction when If-Match names another version than the locked row's:
 * it rolls the transaction back, and `answerStale` turns it into the 412.
 */
export class StaleVersion extends Error {}

/**
 * The precondition of a write on a locked row at `version`: 428 when If-Match is `required` and
 * missing, then `StaleVersion` when it names another version. An optional If-Match that is left
 * out lets the write through; one that is sent is honoured.
 */
export function checkIfMatch(
  ifMatch: string | undefined,
  version: number,
  { required }: { required: boolean },
): void {
  if (required) requireIfMatch(ifMatch);
  if (ifMatch !== undefined && !ifMatchNames(ifMatch, version)) throw new StaleVersion();
}

/**
 * Runs `work`, a write whose transaction calls `checkIfMatch`, and answers its `StaleVersion`
 * with a 412 carrying `current()`: the record as stored once the write has rolled back. When
 * `current()` finds nothing (deleted meanwhile), a 409.
 */
export async function answerStale<T>(
  what: string,
  ifMatch: string | undefined,
  work: () => Promise<T>,
  current: () => Promise<{ version: number } | null>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof StaleVersion)) throw error;
    const stored = await current();
    // Gone since the write failed (deleted by someone else): nothing to show, so ask to reload.
    if (!stored) throw new ConflictException(`The ${what} changed meanwhile: load it again`);
    throw new StaleVersionException(what, ifMatch ?? '', stored);
  }
}

/** Sets `ETag` from the `version` of the response body. */
@Injectable()
export class VersionEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      tap((body) => {
        const version = (body as { version?: unknown } | undefined)?.version;
        if (typeof version === 'number') void reply.header('ETag', etagOf(version));
      }),
    );
  }
}

/**
 * 412 for a write whose If-Match names another version than the stored one. `current` is the
 * record as stored now, so the client can show what changed and let the user reapply theirs.
 */
export class StaleVersionException extends ApiException {
  constructor(what: string, ifMatch: string, current: { version: number }) {
    super(
      HttpStatus.PRECONDITION_FAILED,
      'stale',
      `If-Match ${ifMatch} is not the current version of this ${what} (now ${current.version}): review the changes and reapply yours`,
      { current },
    );
  }
}

/** The OpenAPI description of the ETag response header. */
export const ETAG_HEADER = {
  ETag: {
    description:
      'The record version, quoted ("3"); on a GET followed by a digest of the answer ("3-…"), ' +
      'to revalidate with If-None-Match. Send either back as If-Match to edit',
    schema: { type: 'string', example: '"3"' },
  },
};

/** The OpenAPI description of the If-Match request header. */
export const IF_MATCH = {
  name: 'If-Match',
  description:
    'The ETag of the version the change is based on, e.g. "3" (or "3-…" as a GET sent it)',
};
