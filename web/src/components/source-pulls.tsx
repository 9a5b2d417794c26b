import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, get, runOperation } from '../api-client.ts';
import { day, num } from '../format.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';

type Pulls = OperationResult<'listSourcePulls'>;
type PullStatus = Pulls['pulls'][number];
type Target = { source: 'acled' | 'ucdp'; country: string; from?: string; to?: string; version?: string };

/** What a query asked for, in words: the country, and the period or GED version. */
function queryWords(p: PullStatus): string {
  const q = p.parameters as { from?: string | null; to?: string | null; version?: string | null };
  const t = i18next.t;
  if (q.version) return t('importing.gedVersion', { country: p.country, version: q.version });
  if (q.from || q.to)
    return t('importing.period', {
      country: p.country,
      from: q.from ? day(q.from) : '…',
      to: q.to ? day(q.to) : t('importing.today'),
    });
  return p.country;
}

function targetOf(p: PullStatus): Target {
  const q = p.parameters as { from?: string | null; to?: string | null; version?: string | null };
  return {
    source: p.source as Target['source'],
    country: p.country,
    from: q.from ?? undefined,
    to: q.to ?? undefined,
    version: q.version ?? undefined,
  };
}

/** When a pull ran, as the page writes days, with the time of day (UTC, as the server logs it). */
function when(iso: string): string {
  return `${day(iso)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The Import page's pulls from ACLED's and UCDP's APIs: each query's last pull with its counts and
 * its last error, and, for those who may write, "Pull now" for it or for a new country. The
 * server pulls with its own credentials (ACLED_USERNAME, ACLED_PASSWORD, UCDP_API_TOKEN).
 */
export function SourcePulls({ onPulled }: { onPulled: () => void }) {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const list = useApi<Pulls>(`pulls:${round}`, (s) => get('/api/pulls', undefined, s));
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [source, setSource] = useState<Target['source']>('acled');
  const [country, setCountry] = useState('');

  const pull = async (t: Target) => {
    const key = `${t.source}:${t.country}`;
    setBusy(key);
    setFailure(null);
    try {
      if (t.source === 'acled')
        await runOperation('pullAcled', { country: t.country, from: t.from, to: t.to });
      else await runOperation('pullUcdp', { country: t.country, version: t.version });
      onPulled();
    } catch (e) {
      setFailure((e as ApiError).message);
    } finally {
      setBusy(null);
      setRound((r) => r + 1);
    }
  };

  const pulls = list.data?.pulls ?? [];
  const mayPull = list.data?.mayPull ?? false;
  return (
    <section className="source-pulls" aria-labelledby="source-pulls-title">
      <h2 id="source-pulls-title">{t('importing.pulled')}</h2>
      <p>
        {t('importing.pullsIntro')} <code>tandem serve --pull "acled:South Sudan" --pull-every 7d</code>{' '}
        {t('importing.pullsSchedule')}
      </p>
      {list.error && (
        <div className="error-box" role="alert">
          {list.error.message}
        </div>
      )}
      {failure && (
        <div className="error-box" role="alert">
          <strong>{t('importing.nothingPulled')}</strong> {failure}
        </div>
      )}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('importing.source')}</th>
              <th scope="col">{t('importing.query')}</th>
              <th scope="col">{t('importing.lastPull')}</th>
              <th scope="col">{t('importing.counts')}</th>
              <th scope="col">{t('importing.lastError')}</th>
              {mayPull && <th scope="col">{t('importing.pull')}</th>}
            </tr>
          </thead>
          <tbody>
            {pulls.length === 0 ? (
              <tr>
                <td colSpan={mayPull ? 6 : 5}>
                  {list.loading ? t('importing.loading') : t('importing.noPulls')}
                </td>
              </tr>
            ) : (
              pulls.map((p) => {
                const key = `${p.source}:${p.country}`;
                const ok = p.lastSuccess;
                return (
                  <tr key={`${p.source}|${JSON.stringify(p.parameters)}`} className="pull-row">
                    <th scope="row">{p.source.toUpperCase()}</th>
                    <td>{queryWords(p)}</td>
                    <td>
                      {ok ? when(ok.at) : t('importing.never')}
                      {p.lastAttempt.status === 'failed' &&
                        t('importing.failedAt', { at: when(p.lastAttempt.at) })}
                    </td>
                    <td className="pull-counts">
                      {ok
                        ? t('importing.pullCounts', {
                            rows: num(ok.rows),
                            imported: num(ok.imported),
                            updated: num(ok.updated),
                            deleted: num(ok.deleted),
                            rejected: num(ok.rejected),
                          })
                        : '–'}
                    </td>
                    <td className="pull-error">
                      {p.lastAttempt.status === 'failed' ? p.lastAttempt.error : '–'}
                    </td>
                    {mayPull && (
                      <td>
                        <button type="button" disabled={busy !== null} onClick={() => pull(targetOf(p))}>
                          {busy === key ? t('importing.pulling') : t('importing.pullNow')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      {mayPull && (
        <form
          className="pull-new"
          onSubmit={(e) => {
            e.preventDefault();
            if (country.trim()) pull({ source, country: country.trim() });
          }}
        >
          <label>
            {t('importing.source')}{' '}
            <select value={source} onChange={(e) => setSource(e.target.value as Target['source'])}>
              <option value="acled">ACLED</option>
              <option value="ucdp">{t('importing.ucdpLatest')}</option>
            </select>
          </label>{' '}
          <label>
            {t('importing.country')}{' '}
            <input value={country} onChange={(e) => setCountry(e.target.value)} required />
          </label>{' '}
          <button type="submit" disabled={busy !== null}>
            {busy === `${source}:${country.trim()}` ? t('importing.pulling') : t('importing.pullNow')}
          </button>
        </form>
      )}
    </section>
  );
}
