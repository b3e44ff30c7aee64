import { useCallback, useEffect, useState } from 'react';
import { useMe } from '../auth/queries';

const PREFIX = 'spct.draft';

interface Stored<T> {
  value: T;
  savedAt: string;
}

function storageKey(userId: string | undefined, key: string): string | null {
  return userId ? `${PREFIX}.${userId}.${key}` : null;
}

function read<T>(key: string | null): Stored<T> | null {
  if (!key) return null;
  try {
    const text = window.localStorage.getItem(key);
    return text ? (JSON.parse(text) as Stored<T>) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps long text being written (a report, a comment) in this browser until it is saved, so a
 * closed tab, a crash or an ended session does not lose it. `key` names the form (per user);
 * `value` is written whenever it changes, and removed when `empty`. Returns the draft found when
 * the form opened (to offer it back) and `clear`, to call once the text is saved.
 */
export function useLocalDraft<T>(key: string, value: T, empty: boolean) {
  const me = useMe();
  const fullKey = storageKey(me.data?.user.id, key);
  const [found] = useState(() => read<T>(fullKey));

  // Runs when the value changes (not after `clear` alone): a saved text is not written back.
  useEffect(() => {
    if (!fullKey) return;
    try {
      if (empty) window.localStorage.removeItem(fullKey);
      else {
        const stored: Stored<T> = { value, savedAt: new Date().toISOString() };
        window.localStorage.setItem(fullKey, JSON.stringify(stored));
      }
    } catch {
      // Storage full or unavailable: the draft is simply not kept.
    }
  }, [fullKey, value, empty]);

  const clear = useCallback(() => {
    if (fullKey) window.localStorage.removeItem(fullKey);
  }, [fullKey]);

  return { found, clear };
}
