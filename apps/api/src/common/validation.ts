import { applyDecorators, ValidationPipe } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { NONE } from '@spct/contracts';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  isUUID,
  ValidateBy,
  type ValidationError,
} from 'class-validator';
import { FieldValidationException, type FieldError } from './api-error.filter';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Rejects unknown fields and names every field at fault. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new FieldValidationException(flatten(errors)),
  });
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
