/**
 * Texts that only some pages need, by group: each group is a chunk of its own per language
 * (built by vite-texts-plugin.ts), loaded by the routes of the pages that use it before they
 * render (`withTexts` in router.tsx). Every other top-level section of the locale files — the
 * frame, sign-in, the commitments list, shared labels, and any new section until it is listed
 * here — ships with the app. `textGroups.test.ts` fails when a page uses a group its route does
 * not load.
 */
export const TEXT_GROUPS = {
  commitment: [
    'detail',
    'reports',
    'comments',
    'indicatorsTab',
    'evidenceTab',
    'positions',
    'evidence',
    'evidenceKind',
    'direction',
    'indicators',
  ],
  history: ['history'],
  commitmentForm: ['commitmentForm'],
  dashboard: ['dashboard'],
  reporting: ['compliance', 'periodReports', 'cadence', 'periodState'],
  admin: ['admin'],
  imports: ['imports'],
  frameworks: ['frameworks', 'tree'],
  myWork: ['myWork'],
  inbox: ['notifications'],
  accountPages: ['notificationSettings', 'unsubscribe', 'setPassword'],
} as const satisfies Record<string, readonly string[]>;

export type TextGroup = keyof typeof TEXT_GROUPS;

export const TEXT_GROUP_NAMES = Object.keys(TEXT_GROUPS) as TextGroup[];

/** The group a top-level section belongs to, or `core` (shipped with the app). */
export function groupOf(section: string): TextGroup | 'core' {
  return (
    TEXT_GROUP_NAMES.find((group) => (TEXT_GROUPS[group] as readonly string[]).includes(section)) ??
    'core'
  );
}
