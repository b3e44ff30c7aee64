import i18n from '../../i18n';
import type vi from '../../i18n/locales/vi.json';

/** A message of the `saved` section: what a successful save announces. */
export type SuccessKey = keyof (typeof vi)['saved'];

/**
 * A brief notification that something was saved (read out by screen readers, gone in 4 s).
 * The notifications library is loaded by the first one (and by App's Notifications after the
 * first screen): it is not part of any page's first download.
 */
export function showSuccess(key: SuccessKey): void {
  void import('@mantine/notifications').then(({ notifications }) =>
    notifications.show({
      message: i18n.t(`saved.${key}`),
      color: 'green',
      autoClose: 4000,
    }),
  );
}
