import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { OPENAPI_JSON } from '../../src/openapi/openapi-files';
import type { Components, Schema } from './schema-values';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

interface Response {
  content?: Record<string, { schema?: Schema }>;
}

/** One operation of the committed OpenAPI document. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the document writes it: `/api/workspaces/{slug}/commitments/{id}`. */
  path: string;
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, Response>;
  /** Public: answers without a session. */
  public: boolean;
}

interface Document {
  paths: Record<string, Record<string, unknown> & { parameters?: Parameter[] }>;
  components: { schemas: Components };
}

export const DOCUMENT = JSON.parse(readFileSync(OPENAPI_JSON, 'utf8')) as Document;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document: reads first, deletions last (they remove what others use). */
export function operations(): Operation[] {
  const all: Operation[] = [];
  for (const [path, item] of Object.entries(DOCUMENT.paths)) {
    for (const method of METHODS) {
      const op = item[method] as
        (Omit<Operation, 'method' | 'path' | 'public'> & { security?: unknown[] }) | undefined;
      if (!op) continue;
      all.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])],
        requestBody: op.requestBody,
        responses: op.responses,
        public: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  return all.sort((a, b) => METHODS.indexOf(lower(a)) - METHODS.indexOf(lower(b)));
}

const lower = (op: Operation) => op.method.toLowerCase() as (typeof METHODS)[number];

/** OpenAPI 3.0's `nullable` as JSON Schema: the value may also be null. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, toJsonSchema(value)]),
  );
  if (nullable !== true) return converted;
  const composed = ['$ref', 'allOf', 'oneOf', 'anyOf'].some((key) => key in converted);
  if (typeof converted.type === 'string' && !composed) {
    return {
      ...converted,
      type: [converted.type, 'null'],
      ...(Array.isArray(converted.enum) ? { enum: [...converted.enum, null] } : {}),
    };
  }
  return { anyOf: [converted, { type: 'null' }] };
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('binary', true);
ajv.addSchema({ $id: 'api', components: toJsonSchema(DOCUMENT.components) as object });
const validators = new Map<Schema, ValidateFunction>();

/**
 * Whether `body` is what the document promises for this answer; the reasons when it is not.
 * Answers that are not JSON are judged by their content type.
 */
export function checkResponse(
  op: Operation,
  status: number,
  contentType: string,
  body: string,
): string | null {
  const documented = op.responses[String(status)] ?? op.responses.default;
  if (!documented) return `status ${status} is not documented`;
  const contents = Object.entries(documented.content ?? {});
  if (contents.length === 0) {
    return body.length === 0 || status >= 400 ? null : `a body the document does not describe`;
  }
  const match = contents.find(([type]) => contentType.startsWith(type));
  if (!match) {
    return `content type "${contentType}", documented: ${contents.map(([type]) => type).join(', ')}`;
  }
  const [type, { schema }] = match;
  if (type !== 'application/json' || !schema) return null;
  let validate = validators.get(schema);
  if (!validate) {
    const rooted = JSON.parse(
      JSON.stringify(toJsonSchema(schema)).replaceAll('"#/components', '"api#/components'),
    );
    validate = ajv.compile(rooted as object);
    validators.set(schema, validate);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'a body that is not JSON';
  }
  return validate(parsed) ? null : ajv.errorsText(validate.errors, { dataVar: 'body' });
}
