/** 大字模式 (适老化): a larger base font, remembered in localStorage. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

const KEY = 'skillcert.largeFont';

interface Prefs {
  largeFont: boolean;
  setLargeFont(on: boolean): void;
}

const PrefsContext = createContext<Prefs>({ largeFont: false, setLargeFont: () => undefined });

function readStored(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function PrefsProvider({ children }: { children: (prefs: Prefs) => ReactNode }) {
  const [largeFont, setState] = useState(readStored);
  const setLargeFont = useCallback((on: boolean) => {
    setState(on);
    try {
      window.localStorage.setItem(KEY, on ? '1' : '0');
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo(() => ({ largeFont, setLargeFont }), [largeFont, setLargeFont]);
  return <PrefsContext.Provider value={value}>{children(value)}</PrefsContext.Provider>;
}

export const usePrefs = () => useContext(PrefsContext);
