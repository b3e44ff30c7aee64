import { registerDecorator } from 'class-validator';

/**
 * The decimal places of a finite number as JavaScript writes it, exponent form included:
 * 0.25 → 2, 1e-10 → 10, 1.5e-7 → 8, 1e21 → 0.
 */
export function decimalPlaces(value: number): number {
  const [mantissa = '', exponent = '0'] = value.toString().toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** A finite number with at most `places` decimal places (a NUMERIC(…, places) column). */
export function IsDecimal(places: number) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDecimal',
      target: object.constructor,
      propertyName,
      constraints: [places],
      options: { message: `must be a number with at most ${places} decimal places` },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= places,
      },
    });
}
