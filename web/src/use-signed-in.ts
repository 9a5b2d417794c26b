import { get } from './api-client.ts';
import { type Loaded, useApi } from './use-api.ts';

/** Who the workbench acts for (`GET /api/whoami`): the signed-in account, its name and roles. */
export interface SignedIn {
  name: string;
  roles: string[];
  signInRequired: boolean;
  /** Whether some role of theirs may change the store (access-control.ts decides). */
  mayWrite: boolean;
  /** The field offices they belong to; null for the person at the terminal (every office). */
  offices: string[] | null;
}

/** The signed-in person, asked once per page that records something under their name. */
export function useSignedIn(): Loaded<SignedIn> {
  return useApi<SignedIn>('whoami', (s) => get('/api/whoami', undefined, s));
}

/** The analyst units an account's roles name (`poc`, `political`): a tag's unit comes from them. */
export function unitsOf(me: SignedIn | undefined): ('poc' | 'political')[] {
  return (['poc', 'political'] as const).filter((u) => me?.roles.includes(u));
}
