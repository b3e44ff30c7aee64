import { applyDecorators, type Type, UseInterceptors } from '@nestjs/common';
import {
  ApiHeader,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiProperty,
  ApiResponse,
} from '@nestjs/swagger';
import { ETAG_HEADER, IF_MATCH, VersionEtagInterceptor } from './etag';

const staleErrorTypes = new Map<Type, Type>();

/**
 * The 412 body of a record type: the error plus `current`, the record as stored now (null when
 * `mayBeMissing` and there is none).
 */
function staleErrorOf(record: Type, mayBeMissing: boolean): Type {
  let type = staleErrorTypes.get(record);
  if (!type) {
    class StaleError {
      @ApiProperty({ example: 412 }) statusCode: number;
      @ApiProperty({ example: 'Precondition Failed' }) error: string;
      @ApiProperty({ enum: ['stale'] }) code: 'stale';
      @ApiProperty() message: string;
      @ApiProperty({ type: record, nullable: mayBeMissing }) current: unknown;
    }
    // OpenAPI names schemas after classes: OrganizationDto → StaleOrganizationErrorDto.
    const name = `Stale${record.name.replace(/Dto$/, '')}ErrorDto`;
    Object.defineProperty(StaleError, 'name', { value: name });
    type = StaleError;
    staleErrorTypes.set(record, type);
  }
  return type;
}

export interface VersionedWriteOptions {
  /** The record's DTO: the 412 body carries it as `current`. */
  record: Type;
  /** What the 412 message calls it ("comment"). */
  what: string;
  /** Edits require If-Match (428 without); state transitions only honour it. */
  ifMatch: 'required' | 'optional';
  /** A 200 with the record and its new ETag, or a 204. */
  responds: 'record' | 'no content';
  /** Of the 200 response. */
  description?: string;
  /** If-Match may name a record that does not exist yet: the 412 then has `current: null`. */
  mayBeMissing?: boolean;
}

/**
 * The wiring every write under optimistic concurrency shares: the If-Match header, the ETag of
 * the returned record, and the documented 412 (with `current`) and 428 answers.
 */
export function VersionedWrite(options: VersionedWriteOptions): MethodDecorator {
  const required = options.ifMatch === 'required';
  const decorators = [
    ApiHeader({ ...IF_MATCH, required }),
    ApiPreconditionFailedResponse({
      type: staleErrorOf(options.record, options.mayBeMissing ?? false),
      description: `If-Match is not the current version; \`current\` is the stored ${options.what}`,
    }),
  ];
  if (required) decorators.push(ApiResponse({ status: 428, description: 'If-Match is missing' }));
  if (options.responds === 'record') {
    decorators.push(
      UseInterceptors(VersionEtagInterceptor),
      ApiOkResponse({
        type: options.record,
        headers: ETAG_HEADER,
        description: options.description,
      }),
    );
  }
  return applyDecorators(...decorators);
}
