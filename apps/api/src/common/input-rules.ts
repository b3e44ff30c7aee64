import type { FastifyInstance } from 'fastify';
import { type FieldError, FieldValidationException } from './api-error';

/** Deepest nesting a request body may have; the API's own bodies need four levels. */
export const MAX_BODY_DEPTH = 16;

/**
 * A NUL character, which PostgreSQL cannot store in text, or half of a UTF-16 surrogate pair,
 * which is no character at all.
 */
const INVALID_TEXT =
  // eslint-disable-next-line no-control-regex -- finding NUL is the point.
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isValidText(text: string): boolean {
  return !INVALID_TEXT.test(text);
}

const invalidText = (field: string): FieldError => ({
  field,
  code: 'invalidText',
  message: 'must not contain a NUL character or an unpaired surrogate',
});

/**
 * The first rule `input` breaks, before any validator or query sees it: text that is not
 * valid (in values and in keys), and nesting deeper than MAX_BODY_DEPTH. Walks without
 * recursion, so a body nested thousands of levels deep is refused, not a stack overflow.
 * `root` names the top value; nested ones are named by their path (`indicatorValues.0.source`).
 */
export function findInputError(input: unknown, root = ''): FieldError | null {
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: input, path: root, depth: 0 },
  ];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, path, depth } = item;
    if (typeof value === 'string') {
      if (!isValidText(value)) return invalidText(path || 'body');
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      return {
        field: path || 'body',
        code: 'tooDeep',
        max: MAX_BODY_DEPTH,
        message: `nests deeper than ${MAX_BODY_DEPTH} levels`,
      };
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (!isValidText(key)) return invalidText(childPath);
      pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * The rules of `findInputError` for every request: its route parameters, query string and
 * parsed body, checked before guards, pipes and handlers run (a workspace slug in the path
 * reaches the database in the guard). Multipart text fields are checked where they are read.
 */
export function registerInputRules(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    const error =
      findInputError(request.params) ??
      findInputError(request.query) ??
      notAnObject(request.body) ??
      findInputError(request.body);
    if (error) throw new FieldValidationException([error]);
  });
}

/** Every body the API reads is an object: `null`, a list or a bare value is none of its bodies. */
function notAnObject(body: unknown): FieldError | null {
  if (body === undefined || (typeof body === 'object' && body !== null && !Array.isArray(body))) {
    return null;
  }
  return { field: 'body', code: 'notObject', message: 'must be a JSON object' };
}
