import { useRef, useState } from 'react';
import { SourcePulls } from '../components/source-pulls.tsx';
import { num } from '../format.ts';
import type { OperationResult } from '../operation-types.ts';
import type { WorkbenchStatus } from '../workbench-types.ts';

// `POST /api/imports` answers, on its last line, what the operation it runs answers.
type ImportAnswer = OperationResult<'importFiles'>;
type BoundaryAnswer = OperationResult<'loadBoundaries'>;

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'importing' }
  | { kind: 'done'; name: string; result: ImportAnswer }
  | { kind: 'boundaries'; name: string; result: BoundaryAnswer }
  | { kind: 'failed'; message: string; code: string };

/**
 * Uploads one event file to `POST /api/imports`, showing the bytes sent, then the server's own
 * progress lines (newline-delimited JSON), then what was imported and what was set aside.
 */
/** The levels a file can be imported at: public data, or a mission's own records. */
const SENSITIVITIES = [
  ['public', 'Public (ACLED, UCDP)'],
  ['internal', 'Internal (mission only)'],
  ['restricted', 'Restricted (names or places people at risk)'],
  ['strictly-confidential', 'Strictly confidential'],
] as const;

export function ImportPage({ status, onImported }: { status: WorkbenchStatus; onImported: () => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const boundaryInput = useRef<HTMLInputElement>(null);
  const [boundaryCountry, setBoundaryCountry] = useState(status.countries[0]?.country ?? '');
  const [sensitivity, setSensitivity] = useState<(typeof SENSITIVITIES)[number][0]>('public');

  const upload = (file: File, boundariesFor?: string) => {
    const xhr = new XMLHttpRequest();
    const extra = boundariesFor
      ? `&kind=boundaries&country=${encodeURIComponent(boundariesFor)}`
      : `&sensitivity=${sensitivity}`;
    xhr.open('POST', `/api/imports?name=${encodeURIComponent(file.name)}${extra}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    setStage({ kind: 'uploading', sent: 0, total: file.size });
    xhr.upload.onprogress = (e) =>
      setStage({ kind: 'uploading', sent: e.loaded, total: e.total || file.size });
    let seen = 0;
    const readLines = () => {
      const text = xhr.responseText;
      const complete = text.lastIndexOf('\n');
      if (complete < seen) return;
      for (const line of text.slice(seen, complete).split('\n')) {
        if (!line.trim()) continue;
        const msg = JSON.parse(line);
        if (msg.stage === 'importing') setStage({ kind: 'importing' });
        else if (msg.stage === 'done') {
          setStage(
            boundariesFor
              ? { kind: 'boundaries', name: file.name, result: msg.result }
              : { kind: 'done', name: file.name, result: msg.result },
          );
          onImported();
        } else if (msg.stage === 'failed')
          setStage({ kind: 'failed', message: msg.error.message, code: msg.error.code });
      }
      seen = complete + 1;
    };
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        try {
          const e = JSON.parse(xhr.responseText).error;
          setStage({ kind: 'failed', message: e.message, code: e.code });
        } catch {
          setStage({ kind: 'failed', message: `HTTP ${xhr.status}`, code: 'internal' });
        }
        return;
      }
      readLines();
    };
    xhr.onerror = () =>
      setStage({ kind: 'failed', message: 'the connection to the server failed', code: 'network' });
    xhr.send(file);
  };

  return (
    <section className="import">
      <h1>Import events</h1>
      <p>
        ACLED exports, UCDP GED (CSV or GeoJSON) and HXL-tagged sheets, as CSV or Excel (.xlsx). A file goes
        in whole or not at all; rows that cannot be read are set aside with their line and reason (
        <code>tandem problems</code> lists them). Importing the same file twice changes nothing.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = input.current?.files?.[0];
          if (f) upload(f);
        }}
      >
        <label>
          Event file{' '}
          <input ref={input} type="file" name="file" accept=".csv,.tsv,.txt,.xlsx,.geojson,.json" required />
        </label>{' '}
        <label>
          Sensitivity{' '}
          <select
            value={sensitivity}
            onChange={(e) => setSensitivity(e.target.value as (typeof SENSITIVITIES)[number][0])}
          >
            {SENSITIVITIES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" disabled={stage.kind === 'uploading' || stage.kind === 'importing'}>
          Import
        </button>
      </form>
      <div aria-live="polite" className="import-status">
        {stage.kind === 'uploading' && (
          <>
            <progress max={stage.total || 1} value={stage.sent} aria-label="Upload progress" /> Sending{' '}
            {num(Math.round(stage.sent / 1024))} of {num(Math.round(stage.total / 1024))} KB…
          </>
        )}
        {stage.kind === 'importing' && (
          <>
            <progress aria-label="Import in progress" /> Reading and storing the events…
          </>
        )}
        {stage.kind === 'failed' && (
          <div className="error-box" role="alert">
            <strong>Nothing was imported.</strong> {stage.message} <code>({stage.code})</code>
          </div>
        )}
        {stage.kind === 'boundaries' &&
          stage.result.loaded.map((l) => (
            <div className="done-box" key={l.country}>
              <strong>{stage.name}</strong>: {num(l.areas)} admin-1 boundaries stored for {l.country}
              {l.renamed.length > 0 && <>; {l.renamed.length} renamed to the event data's spelling</>}
              {l.withoutEvents.length > 0 && <>; no events yet in {l.withoutEvents.join(', ')}</>}.
            </div>
          ))}
        {stage.kind === 'done' &&
          stage.result.files.map((f) => (
            <div className="done-box" key={f.path}>
              <strong>{stage.name}</strong> read as {f.format.toUpperCase()}: {num(f.rows)} rows,{' '}
              <span className="imported-count">{num(f.imported)} imported</span>, {num(f.updated)} updated,{' '}
              {num(f.unchanged)} unchanged, {num(f.rejected)} set aside.
            </div>
          ))}
      </div>
      <SourcePulls onPulled={onImported} />
      <h2>Admin-1 boundaries for the map</h2>
      <p>
        A GeoJSON FeatureCollection of polygons whose <code>name</code> property spells each admin-1 as the
        event data does (areas whose names differ are still counted, and marked * on the overview).
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = boundaryInput.current?.files?.[0];
          if (f && boundaryCountry) upload(f, boundaryCountry);
        }}
      >
        <label>
          Country{' '}
          <select value={boundaryCountry} onChange={(e) => setBoundaryCountry(e.target.value)} required>
            {status.countries.map((c) => (
              <option key={c.country} value={c.country}>
                {c.country}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Boundary file{' '}
          <input ref={boundaryInput} type="file" name="boundaries" accept=".geojson,.json" required />
        </label>{' '}
        <button
          type="submit"
          disabled={!boundaryCountry || stage.kind === 'uploading' || stage.kind === 'importing'}
        >
          Store boundaries
        </button>
      </form>
      <h2>In the store</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">Events</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          {status.countries.length === 0 ? (
            <tr>
              <td colSpan={4}>Nothing yet.</td>
            </tr>
          ) : (
            status.countries.map((c) => (
              <tr key={c.country}>
                <th scope="row">{c.country}</th>
                <td className="store-count">{num(c.events)}</td>
                <td>{c.first}</td>
                <td>{c.last}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
