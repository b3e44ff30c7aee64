import {
  ATTENTION_KINDS,
  COMMITMENT_SORTS,
  COMMITMENT_STATUSES,
  CONSTITUENCIES,
  EVIDENCE_KINDS,
  INDICATOR_DIRECTIONS,
  POSITION_KINDS,
  ROLES,
  STANCES,
  TARGET_GROUPS,
  THEMES,
  UPDATE_STATES,
} from '@spct/contracts';
import en from './locales/en.json';
import vi from './locales/vi.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('translations', () => {
  it('have the same keys in Vietnamese and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
    for (const resource of [vi, en]) {
      for (const key of keys(resource)) {
        const text = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource);
        expect(typeof text === 'string' && text.trim() !== '').toBe(true);
      }
    }
  });

  it.each([
    ['status', COMMITMENT_STATUSES],
    ['theme', THEMES],
    ['targetGroup', TARGET_GROUPS],
    ['constituency', CONSTITUENCIES],
    ['role', ROLES],
    ['updateState', UPDATE_STATES],
    ['stance', STANCES],
    ['position', POSITION_KINDS],
    ['direction', INDICATOR_DIRECTIONS],
    ['evidenceKind', EVIDENCE_KINDS],
    ['sort', COMMITMENT_SORTS],
    ['attention', ATTENTION_KINDS],
    ['dashboard.attention.hint', ATTENTION_KINDS],
    ['dashboard.attention.empty', ATTENTION_KINDS],
  ] as const)('label every %s value', (group, values) => {
    for (const resource of [vi, en]) {
      const labels = group
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], resource);
      expect(Object.keys(labels as object).sort()).toEqual([...values].sort());
    }
  });
});
