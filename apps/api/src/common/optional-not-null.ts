import { ValidateIf } from 'class-validator';

/**
 * A field a PATCH may leave out but not set to null: the field's other validators then run on
 * null and answer 400 naming it. (`@IsOptional()` would let null through to the database.)
 */
export const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);
