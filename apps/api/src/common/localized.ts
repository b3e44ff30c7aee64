import { ApiProperty } from '@nestjs/swagger';

/** Translatable text as the API exposes it. */
export class LocalizedText {
  @ApiProperty({ description: 'Vietnamese' })
  vi: string;

  @ApiProperty({ description: 'English' })
  en: string;
}

export function localized(vi: string, en: string): LocalizedText {
  return { vi, en };
}

export function localizedOrNull(vi: string | null, en: string | null): LocalizedText | null {
  return vi === null && en === null ? null : { vi: vi ?? '', en: en ?? '' };
}
