import { useId, useState } from 'react';
import { get } from '../api-client.ts';
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
  const id = useId();
  const params = useUrlState().params;
  const file = params.get('file') ?? '';
  const [typed, setTyped] = useState(file);
  const list = useApi<Problems>(`problems ${file}`, (s) =>
    get('/api/problems', { file: file || undefined, limit: PAGE_LIMIT }, s),
  );
  const [downloading, setDownloading] = useState<string | null>(null);
  const download = async () => {
    setDownloading('Preparing the file…');
    try {
      const all = await get<Problems>('/api/problems', { file: file || undefined, limit: DOWNLOAD_LIMIT });
      await downloadCsv('tandem-set-aside.csv', all.problems, COLUMNS);
      setDownloading(null);
    } catch (e) {
      setDownloading(`The download failed: ${(e as Error).message}`);
    }
  };
  return (
    <section className="problems">
      <h1>Rows set aside at import</h1>
      <p className="muted">
        Rows an import could not read are kept here with their file, line, column and reason, so that they can
        be corrected at the source. Above your clearance a row's text is withheld; where it was and why it was
        set aside stay.
      </p>
      <form
        className="task-bar"
        aria-label="Filter rows set aside"
        onSubmit={(e) => {
          e.preventDefault();
          setUrlState({ file: typed.trim() }, { push: true });
        }}
      >
        <label htmlFor={id}>File name contains</label>
        <input id={id} value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit">Show</button>
        <button type="button" onClick={() => void download()}>
          Download CSV
        </button>
        {downloading && <span role="status">{downloading}</span>}
      </form>
      <Async state={list} what="the rows set aside">
        {(r) =>
          r.problems.length === 0 ? (
            <Empty>
              {file ? `No row of a file named like "${file}" was set aside.` : 'No row was set aside.'}
            </Empty>
          ) : (
            <>
              <p className="muted">
                {r.problems.length === PAGE_LIMIT
                  ? `The first ${PAGE_LIMIT} rows; the download has them all.`
                  : r.problems.length === 1
                    ? '1 row.'
                    : `${r.problems.length} rows.`}
              </p>
              <div className="table-scroll">
                <table className="task-table">
                  <thead>
                    <tr>
                      <th scope="col">File</th>
                      <th scope="col">Line</th>
                      <th scope="col">Column</th>
                      <th scope="col">Reason</th>
                      <th scope="col">Sensitivity</th>
                      <th scope="col">The row as read</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.problems.map((p) => (
                      <tr key={p.id}>
                        <td className="wrap">{p.file}</td>
                        <td>{p.line ?? '—'}</td>
                        <td>{p.column ?? p.field ?? '—'}</td>
                        <td>{p.reason}</td>
                        <td>{p.sensitivity}</td>
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
