import { unitsOfRoles } from '../../src/domain/driver.ts';
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

/**
 * The answer, asked once per page load and shared by every component that needs it: a page with
 * several forms asks the server once. Signing in or out loads the page again, which asks afresh; a
 * failed request is forgotten, so the next component asks again.
 */
let answer: SignedIn | undefined;
let asking: Promise<SignedIn> | undefined;

function askWhoAmI(): Promise<SignedIn> {
  asking ??= get<SignedIn>('/api/whoami').then(
    (me) => {
      answer = me;
      return me;
    },
    (e: unknown) => {
      asking = undefined;
      throw e;
    },
  );
  return asking;
}

/** The signed-in person, asked once per page load (see askWhoAmI). */
export function useSignedIn(): Loaded<SignedIn> {
  return useApi<SignedIn>(
    'whoami',
    (signal) =>
      new Promise<SignedIn>((resolve, reject) => {
        // One component leaving the page must not cancel the request others wait for.
        signal.addEventListener('abort', () => reject(signal.reason));
        askWhoAmI().then(resolve, reject);
      }),
    () => answer,
  );
}

/** The analyst units an account's roles act for (domain/driver.ts): a tag's unit comes from them. */
export function unitsOf(me: SignedIn | undefined): ('poc' | 'political')[] {
  return me ? unitsOfRoles(me.roles) : [];
}
