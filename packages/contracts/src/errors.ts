// The machine-readable half of the API's error shape `{ statusCode, error, code, message,
// details? }`: programs decide what went wrong from `code` (and each detail's `code`), never from
// the status alone or the English `message`, which is for logs and API users.

/** What went wrong, one name per situation a client may handle differently. */
export const API_ERROR_CODES = [
  /** 400: `details` names each field at fault. */
  'validation',
  /** 400: the body could not be read at all (not JSON, a broken multipart form). */
  'malformedRequest',
  /** 401: no valid session or API token. */
  'unauthenticated',
  /** 401: the e-mail or password of a sign-in is wrong (the same answer for both). */
  'invalidCredentials',
  /** 403: the caller's role does not allow it, or a cross-site write. */
  'forbidden',
  /** 404: no such record or route for the caller (other workspaces' records included). */
  'notFound',
  /** 408: the request took too long to arrive. */
  'requestTimeout',
  /** 409: the record's state does not allow this change. */
  'conflict',
  /** 409: a value that must be unique is taken; `details` names the field. */
  'alreadyExists',
  /** 409: the commitment (or its parent) is archived: restore it first. */
  'archived',
  /** 409: the commitment still has children that are not archived. */
  'hasChildren',
  /** 409: other records still refer to this one. */
  'inUse',
  /** 409: the change would leave the workspace without an active administrator. */
  'lastAdministrator',
  /** 409: the progress report's workflow state does not allow this step. */
  'invalidState',
  /** 409: the reporting period is closed: no new report for it until an administrator reopens it. */
  'periodClosed',
  /** 409: a COMPLETED commitment keeps at least one evidence item. */
  'evidenceRequired',
  /** 412: If-Match names another version than the stored one; `current` is the stored record. */
  'stale',
  /** 413: the body or the uploaded file is too large. */
  'payloadTooLarge',
  /** 415: a content type (of the body or of an uploaded file) that is not accepted. */
  'unsupportedMediaType',
  /** 428: the write must send If-Match. */
  'preconditionRequired',
  /** 429: too many attempts; wait the seconds of `Retry-After`. */
  'tooManyRequests',
  /** 500: a fault on the server's side. */
  'internal',
  /** 503: the database cannot be reached; retry after `Retry-After` seconds. */
  'databaseUnavailable',
  /** 503: the server is shutting down or overloaded; retry after `Retry-After` seconds. */
  'unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * Why one field is at fault. A detail carries the constraint's values beside its code:
 * `min`/`max` for the lengths, sizes and ranges, `allowed` for `notInEnum`, `other` (the other
 * field's name) for `beforeOther`.
 */
export const FIELD_ERROR_CODES = [
  /** Missing, or null where a value is needed. */
  'required',
  /** Not part of this request. */
  'unknownField',
  'notString',
  'notNumber',
  'notInteger',
  'notBoolean',
  'notObject',
  'notArray',
  /** Fewer characters than `min`. */
  'tooShort',
  /** More characters than `max`. */
  'tooLong',
  /** A number below `min`. */
  'tooSmall',
  /** A number above `max`. */
  'tooLarge',
  /** Fewer list items than `min`. */
  'tooFew',
  /** More list items than `max`. */
  'tooMany',
  /** More than `max` decimal places. */
  'tooPrecise',
  /** Not one of `allowed`. */
  'notInEnum',
  'notUuid',
  /** Not a calendar date written YYYY-MM-DD. */
  'notDate',
  'notEmail',
  'notUrl',
  /** Does not have the expected form (e.g. a slug of lower-case letters, digits and dashes). */
  'invalidFormat',
  /** Text with a NUL character or an unpaired UTF-16 surrogate. */
  'invalidText',
  /** Nested deeper than `max` levels. */
  'tooDeep',
  /** Repeats an earlier item of the list. */
  'duplicate',
  /** Already used by another record. */
  'taken',
  /** Names no record of this workspace (or of this commitment) that may be used here. */
  'unknownReference',
  /** A parent in another framework than the commitment's. */
  'inOtherFramework',
  /** An archived record where a live one is needed. */
  'archived',
  /** A parent that would make the commitment its own ancestor. */
  'cycle',
  /** Co-responsible organizations that include the lead organization. */
  'includesLead',
  /** Before the field named `other`. */
  'beforeOther',
  /** A date in the future where only past dates make sense. */
  'inFuture',
  /** Not the caller's current password. */
  'wrongPassword',
  /** A set-password link that is unknown, expired or already used. */
  'invalidLink',
  /** A `cursor` this list did not make. */
  'invalidCursor',
  /** COMPLETED needs progress 100. */
  'completedNeedsProgress100',
  /** Progress 100 needs the status COMPLETED. */
  'progress100NeedsCompleted',
  /** COMPLETED needs at least one evidence item. */
  'completedNeedsEvidence',
  /** A file part in another field than the file's, or a second file. */
  'unexpectedFile',
  /** The file field was sent as text. */
  'notFile',
  /** An uploaded file with no content. */
  'emptyFile',
  /** A file that is neither of the types accepted (an import takes XLSX or CSV). */
  'notSpreadsheet',
  /** A workbook that cannot be read (not a valid XLSX or zip). */
  'unreadableFile',
  /** A workbook without a worksheet. */
  'noWorksheet',
  /** A sheet with more data rows than `max`. */
  'tooManyRows',
  /** A workbook with more worksheets than `max`. */
  'tooManySheets',
  /** A file whose cells hold more than `max` characters of text in all. */
  'tooMuchText',
  /** A workbook that unpacks to far more than its size (a zip bomb), or past the limit. */
  'unpacksTooLarge',
  /** A workbook that links to other workbooks. */
  'externalLinks',
  /** A sheet with more hyperlinks than can be checked. */
  'tooManyLinks',
  /** A CSV text that cannot be parsed (an unclosed quote…); `line` names where. */
  'malformedCsv',
  /** A CSV text that is not valid in the encoding named (or detected). */
  'wrongEncoding',
  /** Any other broken rule (see `message`). */
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
