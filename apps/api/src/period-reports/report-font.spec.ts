import * as fontkit from 'fontkit';
import { ENUM_LABELS } from '../spreadsheets/enum-labels';
import { FONTS } from './report-pdf';
import { POSITION_LABELS, REPORT_TEXT } from './report-text';

const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** Every letter of Vietnamese, lower and upper case, precomposed as people type them (NFC). */
const LETTERS = [
  ...[...VOWELS].flatMap((vowel) => TONES.map((tone) => (vowel + tone).normalize('NFC'))),
  'đ',
  ...'bcdghklmnpqrstvx',
].flatMap((letter) => [letter, letter.toUpperCase()]);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return [String((value as (...a: string[]) => string)('', ''))];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe("the period report's font", () => {
  for (const [name, file] of Object.entries(FONTS)) {
    const font = fontkit.openSync(file) as fontkit.Font;
    const missing = (text: string) =>
      [...new Set(text)].filter(
        (c) => !/\s/.test(c) && !font.hasGlyphForCodePoint(c.codePointAt(0)!),
      );

    it(`${name}: has a glyph for every Vietnamese letter`, () => {
      expect(LETTERS).toHaveLength(2 * (12 * 6 + 1 + 16));
      expect(missing(LETTERS.join(''))).toEqual([]);
      expect(missing('ạ一')).toEqual(['一']); // the check tells a missing glyph
    });

    it(`${name}: has a glyph for every character of the document's own words`, () => {
      expect(missing(strings([REPORT_TEXT, POSITION_LABELS, ENUM_LABELS]).join(''))).toEqual([]);
    });
  }
});
