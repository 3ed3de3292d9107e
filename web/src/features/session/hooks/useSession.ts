import { useCallback, useState } from 'react';
import { readStoredToken, storeToken } from '../utils/tokenStorage';

export interface Session {
  token: string | null;
  /** Why the last session ended, in plain words (shown on the sign-in form). */
  signInErrors: string[];
  signIn: (token: string) => void;
  /** Sign out, or be signed out by the server (with its message). */
  signOut: (messages?: string[]) => void;
}

/** The API token of this tab, kept across reloads. */
export function useSession(): Session {
  const [token, setToken] = useState<string | null>(readStoredToken);
  const [signInErrors, setSignInErrors] = useState<string[]>([]);

  const signIn = useCallback((newToken: string) => {
    storeToken(newToken);
    setSignInErrors([]);
    setToken(newToken);
  }, []);

  const signOut = useCallback((messages: string[] = []) => {
    storeToken(null);
    setSignInErrors(messages);
    setToken(null);
  }, []);

  return { token, signInErrors, signIn, signOut };
}
