/** Who is logged in: probed once with GET /api/auth/me, updated by login, logout and password change. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from '../api/client';
import type { Me } from '@skillcert/contracts';
import type { Action } from '@skillcert/domain/abilities';

interface Session {
  me: Me | null;
  /** True until the first probe has answered. */
  loading: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  refresh(): Promise<Me | null>;
  /** Forget the user locally (after a 401). */
  clear(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const answer = await api.get('/api/auth/me', undefined, {
        silent: true,
        noAuthRedirect: true,
      });
      setMe(answer.user);
      return answer.user;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setMe(null);
        setCsrfToken(null);
        return null;
      }
      throw e;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setLoading(false));
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await api.post(
      '/api/auth/login',
      { body: { username, password } },
      { silent: true, noAuthRedirect: true },
    );
    setMe(answer.user);
    return answer.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', { body: {} }, { silent: true, noAuthRedirect: true });
    } finally {
      setCsrfToken(null);
      setMe(null);
    }
  }, []);

  const clear = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
  }, []);

  const value = useMemo(
    () => ({ me, loading, login, logout, refresh, clear }),
    [me, loading, login, logout, refresh, clear],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The logged-in user; only for pages under the authenticated layout. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a logged-in user');
  return me;
}

/**
 * Whether the caller may perform an action, as the server's action table decides (sent with the
 * session): buttons and page parts read this instead of comparing roles.
 */
export function useCan(): (action: Action) => boolean {
  const { abilities } = useMe();
  return useCallback((action: Action) => abilities.includes(action), [abilities]);
}
