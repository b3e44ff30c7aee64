import { Param, ParseUUIDPipe } from '@nestjs/common';
import { FieldValidationException } from './api-error.filter';

/** A route parameter that must be a UUID: anything else is a 400 naming the parameter. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new FieldValidationException([{ field: name, message: 'must be a UUID' }]),
    }),
  );
