import { Param, ParseUUIDPipe } from '@nestjs/common';
import { FieldValidationException } from './api-error';

/** A route parameter that must be a UUID: anything else is a 400 naming the parameter. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new FieldValidationException([{ field: name, code: 'notUuid', message: 'must be a UUID' }]),
    }),
  );
