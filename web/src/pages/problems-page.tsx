import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, serverMessage } from '../api-client.ts';
import { Async, Empty } from '../components/status-views.tsx';
import { downloadCsv } from '../csv-download.ts';
import type { OperationResult } from '../operation-types.ts';
import { setUrlState, useUrlState } from '../url-state.ts';
import { useApi } from '../use-api.ts';
import '../components/workbench-tasks.css';

type Problems = OperationResult<'listProblems'>;

/** Rows shown on the page; the download takes up to DOWNLOAD_LIMIT. */
const PAGE_LIMIT = 500;
const DOWNLOAD_LIMIT = 100_000;
const COLUMNS = ['file', 'line', 'column', 'field', 'reason', 'sensitivity', 'importedAt', 'raw'];

/**
 * The rows set aside at import (`GET /api/problems`, the operation of `tandem problems`): where
 * each was, and why it was set aside. The same access rules apply as at the CLI: above the
 * requester's clearance a row's raw text is withheld, and every read of a non-public row is
 * audited. The download is a CSV of the same answer.
 */
export function ProblemsPage() {
  const { t } = useTranslation();
  const id = useId();
  const params = useUrlState().params;
  const file = params.get('file') ?? '';
  const [typed, setTyped] = useState(file);
  const list = useApi<Problems>(`problems ${file}`, (s) =>
    get('/api/problems', { file: file || undefined, limit: PAGE_LIMIT }, s),
  );
  const [downloading, setDownloading] = useState<string | null>(null);
  const download = async () => {
    setDownloading(t('problems.preparing'));
    try {
      const all = await get<Problems>('/api/problems', { file: file || undefined, limit: DOWNLOAD_LIMIT });
      await downloadCsv('tandem-set-aside.csv', all.problems, COLUMNS);
      setDownloading(null);
    } catch (e) {
      setDownloading(t('problems.failed', { reason: (e as Error).message }));
    }
  };
  return (
    <section className="problems">
      <h1>{t('problems.title')}</h1>
      <p className="muted">{t('problems.intro')}</p>
      <form
        className="task-bar"
        aria-label={t('problems.filter')}
        onSubmit={(e) => {
          e.preventDefault();
          setUrlState({ file: typed.trim() }, { push: true });
        }}
      >
        <label htmlFor={id}>{t('problems.contains')}</label>
        <input id={id} value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit">{t('problems.show')}</button>
        <button type="button" onClick={() => void download()}>
          {t('problems.download')}
        </button>
        {downloading && <span role="status">{downloading}</span>}
      </form>
      <Async state={list} what={t('problems.theRows')}>
        {(r) =>
          r.problems.length === 0 ? (
            <Empty>{file ? t('problems.noneLike', { file }) : t('problems.none')}</Empty>
          ) : (
            <>
              <p className="muted">
                {r.problems.length === PAGE_LIMIT
                  ? t('problems.first', { count: PAGE_LIMIT })
                  : t('problems.rows', { count: r.problems.length })}
              </p>
              <div className="table-scroll">
                <table className="task-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('problems.file')}</th>
                      <th scope="col">{t('problems.line')}</th>
                      <th scope="col">{t('problems.column')}</th>
                      <th scope="col">{t('problems.reason')}</th>
                      <th scope="col">{t('problems.sensitivity')}</th>
                      <th scope="col">{t('problems.raw')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.problems.map((p) => (
                      <tr key={p.id}>
                        <td className="wrap">{p.file}</td>
                        <td>{p.line ?? '—'}</td>
                        {/* Column 0: the row as a whole (a row cut short), which no column names. */}
                        <td>{p.column || p.field || '—'}</td>
                        <td>{serverMessage(p.reason)}</td>
                        <td>
                          {t(`records.sensitivities.${p.sensitivity}`, { defaultValue: p.sensitivity })}
                        </td>
                        <td className="wrap">
                          <code className="raw-row">{p.raw ?? ''}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Async>
    </section>
  );
}
