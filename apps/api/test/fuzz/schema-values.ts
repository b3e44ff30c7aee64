import fc, { type Arbitrary } from 'fast-check';

/** The part of an OpenAPI 3.0 schema object the API's document uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

export type Components = Record<string, Schema>;

/** Known record ids for a field or parameter name (`frameworkId`, `id` of a commitment...). */
export type IdsFor = (name: string) => string[];

export function resolve(schema: Schema, components: Components): Schema {
  let current = schema;
  while (current.$ref) current = components[current.$ref.split('/').pop()!]!;
  if (current.allOf?.length === 1) {
    const { allOf, ...rest } = current;
    return { ...resolve(allOf[0]!, components), ...rest };
  }
  return current;
}

/** Text as people (and careless clients) write it: Vietnamese, spaces, punctuation. */
const TEXT_PIECES = [
  'Cam kết',
  'an sinh xã hội',
  'Nghị quyết 42',
  ' ',
  '—',
  'ILO',
  '2026',
  'đ',
  'Ư',
];

function text(minLength: number, maxLength: number): Arbitrary<string> {
  const max = Math.min(maxLength, minLength + 60);
  return fc
    .oneof(
      fc.string({ minLength, maxLength: max }),
      fc.string({ unit: 'grapheme', minLength, maxLength: max }),
      fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 6 }).map((parts) => parts.join('')),
    )
    .filter((value) => value.length >= minLength && value.length <= maxLength);
}

const DATE = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2035-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

function stringValue(schema: Schema, name: string, idsFor: IdsFor): Arbitrary<string> {
  switch (schema.format) {
    case 'uuid': {
      const known = idsFor(name);
      return known.length > 0
        ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 4 }, fc.uuid())
        : fc.uuid();
    }
    case 'date':
      return DATE;
    case 'date-time':
      return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  if (/url/i.test(name)) return fc.oneof(fc.webUrl(), text(0, 40));
  if (/email/i.test(name)) return fc.oneof(fc.emailAddress(), text(0, 40));
  return text(schema.minLength ?? 0, schema.maxLength ?? 200);
}

function numberValue(schema: Schema, integer: boolean): Arbitrary<number> {
  const min = schema.minimum ?? -1_000_000;
  const max = schema.maximum ?? 1_000_000;
  const whole = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  if (integer) return whole;
  return fc.oneof(
    whole,
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
    whole.map((n) => Math.round(n * 10) / 100),
  );
}

/**
 * Values the schema describes (of the right types, within its lengths and bounds; the API may
 * still refuse them for rules the document cannot express). `name` is the property or parameter
 * the value is for: ids are drawn from the records known so far.
 */
export function valueFor(
  raw: Schema,
  components: Components,
  idsFor: IdsFor,
  name = '',
  depth = 0,
): Arbitrary<unknown> {
  const schema = resolve(raw, components);
  let value: Arbitrary<unknown>;
  if (schema.enum) value = fc.constantFrom(...schema.enum);
  else if (schema.oneOf ?? schema.anyOf) {
    value = fc.oneof(
      ...(schema.oneOf ?? schema.anyOf)!.map((s) => valueFor(s, components, idsFor, name, depth)),
    );
  } else {
    switch (schema.type) {
      case 'string':
        value = stringValue(schema, name, idsFor);
        break;
      case 'integer':
        value = numberValue(schema, true);
        break;
      case 'number':
        value = numberValue(schema, false);
        break;
      case 'boolean':
        value = fc.boolean();
        break;
      case 'array':
        value = fc.array(valueFor(schema.items ?? {}, components, idsFor, name, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 4, 4),
        });
        break;
      default: {
        const properties = schema.properties ?? {};
        const record = Object.fromEntries(
          Object.entries(properties).map(([key, property]) => [
            key,
            valueFor(property, components, idsFor, key, depth + 1),
          ]),
        );
        value = fc.record(record, {
          requiredKeys: (schema.required ?? []).filter((k) => k in properties),
        });
      }
    }
  }
  return schema.nullable ? fc.option(value, { nil: null, freq: 6 }) : value;
}

/** What a mutation did to a valid body, so that a 2xx answer to it is a failure. */
export type Breakage =
  | 'unknownField'
  | 'missingRequired'
  | 'wrongType'
  | 'invalidText'
  | 'tooLong'
  | 'outOfRange'
  | 'notAnObject'
  | 'tooDeep';

const HOSTILE_TEXT = ['nul\u0000byte', 'half \ud800 pair', '\udfff'];
const NOT_OBJECTS: unknown[] = ['text', 42, true, null, [], [{}]];

/**
 * A body made invalid in one way the document says is invalid, and how. `choice` picks the
 * property and the replacement value.
 */
export function breakBody(
  body: Record<string, unknown>,
  raw: Schema,
  components: Components,
  breakage: Breakage,
  choice: number,
): { body: unknown; broken: Breakage } | null {
  const schema = resolve(raw, components);
  const properties = Object.entries(schema.properties ?? {}).map(
    ([key, property]) => [key, resolve(property, components)] as const,
  );
  const pick = <T>(items: readonly T[]): T | undefined => items[choice % Math.max(items.length, 1)];
  const copy = { ...body };
  switch (breakage) {
    case 'unknownField':
      return { body: { ...copy, fuzzUnknownField: 'x' }, broken: breakage };
    case 'notAnObject':
      return { body: pick(NOT_OBJECTS), broken: breakage };
    case 'tooDeep': {
      let nested: unknown = 'deep';
      for (let i = 0; i < 40; i++) nested = [nested];
      return { body: { ...copy, [pick(properties)?.[0] ?? 'field']: nested }, broken: breakage };
    }
    case 'missingRequired': {
      const key = pick(schema.required ?? []);
      if (key === undefined) return null;
      delete copy[key];
      return { body: copy, broken: breakage };
    }
    case 'wrongType': {
      const entry = pick(properties.filter(([, p]) => p.type !== undefined || p.enum));
      if (!entry) return null;
      const [key, property] = entry;
      copy[key] =
        property.type === 'string' || property.enum
          ? 12345
          : property.type === 'object'
            ? ['not', 'an', 'object']
            : 'not the right type';
      return { body: copy, broken: breakage };
    }
    case 'invalidText': {
      const entry = pick(properties.filter(([, p]) => p.type === 'string' && !p.enum && !p.format));
      if (!entry) return null;
      copy[entry[0]] = pick(HOSTILE_TEXT);
      return { body: copy, broken: breakage };
    }
    case 'tooLong': {
      const entry = pick(
        properties.filter(([, p]) => p.type === 'string' && p.maxLength !== undefined),
      );
      if (!entry) return null;
      copy[entry[0]] = 'x'.repeat(entry[1].maxLength! + 1);
      return { body: copy, broken: breakage };
    }
    case 'outOfRange': {
      const entry = pick(
        properties.filter(
          ([, p]) =>
            (p.type === 'number' || p.type === 'integer') &&
            (p.maximum !== undefined || p.minimum !== undefined),
        ),
      );
      if (!entry) return null;
      const [key, property] = entry;
      copy[key] = property.maximum !== undefined ? property.maximum + 1 : property.minimum! - 1;
      return { body: copy, broken: breakage };
    }
  }
}

export const BREAKAGES: Breakage[] = [
  'unknownField',
  'missingRequired',
  'wrongType',
  'invalidText',
  'tooLong',
  'outOfRange',
  'notAnObject',
  'tooDeep',
];
