import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api-client.ts';

export function Loading({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading', { what })}
    </p>
  );
}

export function ErrorBox({ error, what }: { error: Error; what: string }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : 'network';
  return (
    <div className="error-box" role="alert">
      <strong>{t('common.couldNotLoad', { what })}</strong> {error.message} <code>({code})</code>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/**
 * Shows loading and error states for one request, and its content once there. `missing` is what
 * to say when the answer is that there is nothing yet (not-found): an empty store, not a failure.
 */
export function Async<T>({
  state,
  what,
  missing,
  children,
}: {
  state: { data: T | undefined; error: Error | undefined; loading: boolean };
  what: string;
  missing?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (missing !== undefined && state.error instanceof ApiError && state.error.code === 'not-found')
    return <Empty>{missing}</Empty>;
  if (state.error) return <ErrorBox error={state.error} what={what} />;
  if (state.data === undefined) return state.loading ? <Loading what={what} /> : null;
  return (
    <div aria-busy={state.loading} className={state.loading ? 'refreshing' : undefined}>
      {children(state.data)}
    </div>
  );
}
