import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../use-signed-in.ts';

/**
 * Whether the signed-in account may change the store (`mayWrite` of `GET /api/whoami`): undefined
 * while it is asked. When the question fails, the forms are offered: the server decides again on
 * every change and refuses a read-only account whatever the page shows.
 */
export function useMayWrite(): boolean | undefined {
  const me = useSignedIn();
  if (me.data) return me.data.mayWrite;
  return me.error ? true : undefined;
}

/**
 * What changes the store (a form, an upload, a button), shown only to an account that may change
 * it. To a read-only account (the viewer role) it shows instead one sentence saying so, or
 * nothing when `quiet` (a button in a list, where the sentence would repeat on every line). Nothing
 * is shown while the account is asked, so that no form appears and then vanishes.
 */
export function MayWrite({ children, quiet = false }: { children: ReactNode; quiet?: boolean }) {
  const { t } = useTranslation();
  const may = useMayWrite();
  if (may === undefined) return null;
  if (may) return <>{children}</>;
  return quiet ? null : (
    <p className="read-only-note" role="note">
      {t('access.readOnly')}
    </p>
  );
}

/**
 * The sentence alone, for a read-only account, where a page has many small forms (one per
 * friction, say) shown `quiet`: said once, above them.
 */
export function ReadOnlyNote() {
  return <MayWrite>{null}</MayWrite>;
}
