import { useState } from 'react';
import { type ApiError, get, runOperation } from '../api-client.ts';
import { num } from '../format.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';

type Pulls = OperationResult<'listSourcePulls'>;
type PullStatus = Pulls['pulls'][number];
type Target = { source: 'acled' | 'ucdp'; country: string; from?: string; to?: string; version?: string };

/** What a query asked for, in words: the country, and the period or GED version. */
function queryWords(p: PullStatus): string {
  const q = p.parameters as { from?: string | null; to?: string | null; version?: string | null };
  if (q.version) return `${p.country}, GED ${q.version}`;
  if (q.from || q.to) return `${p.country}, ${q.from ?? '…'} to ${q.to ?? 'today'}`;
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

function when(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/**
 * The Import page's pulls from ACLED's and UCDP's APIs: each query's last pull with its counts and
 * its last error, and, for those who may write, "Pull now" for it or for a new country. The
 * server pulls with its own credentials (ACLED_USERNAME, ACLED_PASSWORD, UCDP_API_TOKEN).
 */
export function SourcePulls({ onPulled }: { onPulled: () => void }) {
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
      <h2 id="source-pulls-title">Pulled from ACLED and UCDP</h2>
      <p>
        Pulls ask the sources' APIs for what changed since the last pull, and apply ACLED's deletions; each is
        one import, all or nothing. <code>tandem serve --pull "acled:South Sudan" --pull-every 7d</code> pulls
        on a schedule.
      </p>
      {list.error && (
        <div className="error-box" role="alert">
          {list.error.message}
        </div>
      )}
      {failure && (
        <div className="error-box" role="alert">
          <strong>Nothing was pulled.</strong> {failure}
        </div>
      )}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Query</th>
              <th scope="col">Last pull</th>
              <th scope="col">Counts</th>
              <th scope="col">Last error</th>
              {mayPull && <th scope="col">Pull</th>}
            </tr>
          </thead>
          <tbody>
            {pulls.length === 0 ? (
              <tr>
                <td colSpan={mayPull ? 6 : 5}>{list.loading ? 'Loading…' : 'No pulls yet.'}</td>
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
                      {ok ? when(ok.at) : 'never succeeded'}
                      {p.lastAttempt.status === 'failed' && <> (failed {when(p.lastAttempt.at)})</>}
                    </td>
                    <td className="pull-counts">
                      {ok
                        ? `${num(ok.rows)} rows: ${num(ok.imported)} new, ${num(ok.updated)} updated, ${num(ok.deleted)} deleted, ${num(ok.rejected)} set aside`
                        : '–'}
                    </td>
                    <td className="pull-error">
                      {p.lastAttempt.status === 'failed' ? p.lastAttempt.error : '–'}
                    </td>
                    {mayPull && (
                      <td>
                        <button type="button" disabled={busy !== null} onClick={() => pull(targetOf(p))}>
                          {busy === key ? 'Pulling…' : 'Pull now'}
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
            Source{' '}
            <select value={source} onChange={(e) => setSource(e.target.value as Target['source'])}>
              <option value="acled">ACLED</option>
              <option value="ucdp">UCDP GED (latest yearly)</option>
            </select>
          </label>{' '}
          <label>
            Country <input value={country} onChange={(e) => setCountry(e.target.value)} required />
          </label>{' '}
          <button type="submit" disabled={busy !== null}>
            {busy === `${source}:${country.trim()}` ? 'Pulling…' : 'Pull now'}
          </button>
        </form>
      )}
    </section>
  );
}
