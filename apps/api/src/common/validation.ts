import { applyDecorators, type Type as Class, ValidationPipe } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { NONE } from '@spct/contracts';
import { Transform, Type } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  isUUID,
  registerDecorator,
  ValidateBy,
  ValidateNested,
  type ValidationError,
} from 'class-validator';
import { type FieldError, FieldValidationException } from './api-error';

type Verdict = Omit<FieldError, 'field' | 'message'>;

/**
 * Each class-validator constraint (by its name) as a field error code with the constraint's
 * values: the one place where validation rules become what clients read.
 */
const CONSTRAINT_CODES: Record<string, (args: unknown[], value: unknown) => Verdict> = {
  whitelistValidation: () => ({ code: 'unknownField' }),
  isDefined: () => ({ code: 'required' }),
  isNotEmpty: () => ({ code: 'required' }),
  notBlank: () => ({ code: 'required' }),
  isString: () => ({ code: 'notString' }),
  isNumber: () => ({ code: 'notNumber' }),
  isInt: () => ({ code: 'notInteger' }),
  isBoolean: () => ({ code: 'notBoolean' }),
  isObject: () => ({ code: 'notObject' }),
  nestedValidation: () => ({ code: 'notObject' }),
  isArray: () => ({ code: 'notArray' }),
  minLength: ([min]) => ({ code: 'tooShort', min: Number(min) }),
  maxLength: ([max]) => ({ code: 'tooLong', max: Number(max) }),
  isLength: ([min, max], value) =>
    typeof value === 'string' && value.length < Number(min)
      ? { code: 'tooShort', min: Number(min) }
      : { code: 'tooLong', max: Number(max) },
  min: ([min]) => ({ code: 'tooSmall', min: Number(min) }),
  max: ([max]) => ({ code: 'tooLarge', max: Number(max) }),
  arrayMinSize: ([min]) => ({ code: 'tooFew', min: Number(min) }),
  arrayMaxSize: ([max]) => ({ code: 'tooMany', max: Number(max) }),
  arrayUnique: () => ({ code: 'duplicate' }),
  isIn: ([allowed]) => ({ code: 'notInEnum', allowed: (allowed as unknown[]).map(String) }),
  isUuid: () => ({ code: 'notUuid' }),
  isUuidList: () => ({ code: 'notUuid' }),
  isCalendarDate: () => ({ code: 'notDate' }),
  isEmail: () => ({ code: 'notEmail' }),
  isUrl: () => ({ code: 'notUrl' }),
  matches: () => ({ code: 'invalidFormat' }),
  isDecimal: ([places], value) =>
    typeof value === 'number' && Number.isFinite(value)
      ? { code: 'tooPrecise', max: Number(places) }
      : { code: 'notNumber' },
};

/** Codes that say the value has the wrong type: the other rules of the field are moot then. */
const TYPE_CODES = new Set([
  'notString',
  'notNumber',
  'notInteger',
  'notBoolean',
  'notObject',
  'notArray',
]);

/** The values a constraint was declared with (`Length(1, 500)` → [1, 500]). */
function constraintArgs(error: ValidationError, name: string): unknown[] {
  const target = (error.target as object | undefined)?.constructor;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === name || m.type === name));
  return (metadata?.constraints as unknown[] | undefined) ?? [];
}

/** The errors of one field: `required` alone when it has no value, type errors before the rest. */
function fieldErrors(error: ValidationError, field: string): FieldError[] {
  const constraints = Object.entries(error.constraints ?? {});
  if (constraints.length === 0) return [];
  if (constraints.some(([name]) => name === 'whitelistValidation')) {
    return [{ field, code: 'unknownField', message: 'is not part of this request' }];
  }
  if (error.value === undefined || error.value === null) {
    return [{ field, code: 'required', message: 'is required' }];
  }
  const all = constraints.map(([name, message]): FieldError => {
    const verdict = CONSTRAINT_CODES[name]?.(constraintArgs(error, name), error.value);
    return { field, ...(verdict ?? { code: 'invalid' }), message };
  });
  const wrongType = all.filter((e) => TYPE_CODES.has(e.code));
  return wrongType.length > 0 ? wrongType.slice(0, 1) : all;
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    return [...fieldErrors(error, field), ...flatten(error.children ?? [], field)];
  });
}

/** Rejects unknown fields and names every field at fault, each with its code. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The exception factory reads each constraint's declaration from the target, and the value.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => new FieldValidationException(flatten(errors)),
  });
}

/** A string with something other than white space in it ("must not be blank"). */
export function NotBlank() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'notBlank',
      target: object.constructor,
      propertyName,
      options: { message: 'must not be blank' },
      validator: { validate: (value: unknown) => typeof value === 'string' && /\S/.test(value) },
    });
}

/**
 * A body field holding an object of `type` (or, with `each`, a list of them), validated by the
 * type's rules. Anything but an object — an array included — is `notObject`: class-validator
 * alone would take a nested array for a list and validate nothing in it.
 */
export function NestedObject(type: Class, options: { each?: boolean; message?: string } = {}) {
  return applyDecorators(
    IsObject({ each: options.each, message: options.message }),
    ValidateNested({ each: options.each }),
    Type(() => type),
  );
}

/** Trims a string field before it is validated (other values pass through to the validators). */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

const toArray = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

/** An optional query parameter that may repeat (`?status=A&status=B`), each value from `values`. */
export function OptionalEnumListQuery(values: readonly string[], description: string) {
  return applyDecorators(
    ApiPropertyOptional({ enum: values, isArray: true, description }),
    IsOptional(),
    Transform(toArray),
    IsIn(values, { each: true, message: `each value must be one of: ${values.join(', ')}` }),
  );
}

/**
 * An optional query parameter that may repeat, each value a UUID (or, with `none`, the word
 * "none": records without one). UUIDs are lower-cased, as the database compares them.
 */
export function OptionalUuidListQuery(description: string, options: { none?: boolean } = {}) {
  const allowed = (value: unknown) =>
    typeof value === 'string' && (isUUID(value) || (options.none === true && value === NONE));
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      isArray: true,
      description,
      ...(options.none ? {} : { format: 'uuid' }),
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      toArray({ value })?.map((v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v)),
    ),
    ValidateBy({
      name: 'isUuidList',
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.every(allowed),
        defaultMessage: () =>
          options.none ? `each value must be a UUID or "${NONE}"` : 'each value must be a UUID',
      },
    }),
  );
}

/** An optional `true` / `false` query parameter. */
export function OptionalBooleanQuery(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    IsOptional(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: 'must be true or false' }),
  );
}
