import type { Translatable } from '../../api/types';

/**
 * A `{ vi, en }` text from a form's two inputs, trimmed: a language left empty takes the other's
 * text (a unit like "%" or an acronym reads the same in both), and both empty is `null` (none).
 */
export function bilingual(vi: string, en: string): Translatable | null {
  const [textVi, textEn] = [vi.trim(), en.trim()];
  if (!textVi && !textEn) return null;
  return { vi: textVi || textEn, en: textEn || textVi };
}
