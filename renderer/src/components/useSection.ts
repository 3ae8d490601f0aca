import { useCallback, useState } from 'react';

/**
 * The section (tab) a role's screen shows, remembered in memory while the screen is unmounted by the
 * idle lock, so unlocking returns to the same screen. Only the section's name is kept (never what it
 * showed); signing out forgets it.
 */
const remembered = new Map<string, string>();

export function useSection<K extends string>(screen: string, initial: K): [K, (k: K) => void] {
  const [section, setSectionState] = useState<K>(() => (remembered.get(screen) as K | undefined) ?? initial);
  const setSection = useCallback(
    (k: K) => {
      remembered.set(screen, k);
      setSectionState(k);
    },
    [screen],
  );
  return [section, setSection];
}

export function forgetSections(): void {
  remembered.clear();
}
