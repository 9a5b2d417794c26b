import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverMessage } from '../api-client.ts';
import { MayWrite } from '../components/may-write.tsx';
import { SourcePulls } from '../components/source-pulls.tsx';
import { month, num } from '../format.ts';
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
const SENSITIVITIES = ['public', 'internal', 'restricted', 'strictly-confidential'] as const;

export function ImportPage({ status, onImported }: { status: WorkbenchStatus; onImported: () => void }) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const boundaryInput = useRef<HTMLInputElement>(null);
  const [boundaryChoice, setBoundaryCountry] = useState('');
  // The country chosen, or the first the store holds: a store empty when the page opened has its
  // first country once a file is imported, and the select already shows it.
  const boundaryCountry = status.countries.some((c) => c.country === boundaryChoice)
    ? boundaryChoice
    : (status.countries[0]?.country ?? '');
  const [sensitivity, setSensitivity] = useState<(typeof SENSITIVITIES)[number]>('public');

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
          setStage({ kind: 'failed', message: serverMessage(msg.error.message), code: msg.error.code });
      }
      seen = complete + 1;
    };
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        try {
          const e = JSON.parse(xhr.responseText).error;
          setStage({ kind: 'failed', message: serverMessage(e.message), code: e.code });
        } catch {
          setStage({ kind: 'failed', message: `HTTP ${xhr.status}`, code: 'internal' });
        }
        return;
      }
      readLines();
    };
    xhr.onerror = () =>
      setStage({ kind: 'failed', message: t('importing.connectionFailed'), code: 'network' });
    xhr.send(file);
  };

  return (
    <section className="import">
      <h1>{t('importing.title')}</h1>
      <p>
        {t('importing.intro')}
        <code>tandem problems</code> {t('importing.introEnd')}
      </p>
      <MayWrite>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const f = input.current?.files?.[0];
            if (f) upload(f);
          }}
        >
          <label>
            {t('importing.eventFile')}{' '}
            <input
              ref={input}
              type="file"
              name="file"
              accept=".csv,.tsv,.txt,.xlsx,.geojson,.json"
              required
            />
          </label>{' '}
          <label>
            {t('importing.sensitivityLabel')}{' '}
            <select
              value={sensitivity}
              onChange={(e) => setSensitivity(e.target.value as (typeof SENSITIVITIES)[number])}
            >
              {SENSITIVITIES.map((value) => (
                <option key={value} value={value}>
                  {t(`importing.sensitivity.${value}`)}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit" disabled={stage.kind === 'uploading' || stage.kind === 'importing'}>
            {t('importing.import')}
          </button>
        </form>
      </MayWrite>
      <div aria-live="polite" className="import-status">
        {stage.kind === 'uploading' && (
          <>
            <progress max={stage.total || 1} value={stage.sent} aria-label={t('importing.uploadProgress')} />{' '}
            {t('importing.sending', {
              sent: num(Math.round(stage.sent / 1024)),
              total: num(Math.round(stage.total / 1024)),
            })}
          </>
        )}
        {stage.kind === 'importing' && (
          <>
            <progress aria-label={t('importing.importProgress')} /> {t('importing.reading')}
          </>
        )}
        {stage.kind === 'failed' && (
          <div className="error-box" role="alert">
            <strong>{t('importing.nothingImported')}</strong> {stage.message} <code>({stage.code})</code>
          </div>
        )}
        {stage.kind === 'boundaries' &&
          stage.result.loaded.map((l) => (
            <div className="done-box" key={l.country}>
              <strong>{stage.name}</strong>
              {t('common.colon')}
              {t('importing.boundariesStored', { count: l.areas, country: l.country })}
              {l.renamed.length > 0 && t('importing.renamed', { count: l.renamed.length })}
              {l.withoutEvents.length > 0 && t('importing.noEventsIn', { areas: l.withoutEvents.join(', ') })}
              {l.withoutShapes.length > 0 &&
                t('importing.noShapeFor', {
                  count: l.withoutShapes.length,
                  areas: l.withoutShapes.join(', '),
                })}
              .
            </div>
          ))}
        {stage.kind === 'done' &&
          stage.result.files.map((f) => (
            <div className="done-box" key={f.path}>
              <strong>{stage.name}</strong>{' '}
              {t('importing.readAs', { format: f.format.toUpperCase(), count: f.rows })}{' '}
              <span className="imported-count">{t('importing.imported', { count: f.imported })}</span>
              {`, ${t('importing.updated', { count: f.updated })}, ${t('importing.unchanged', { count: f.unchanged })}, ${t('importing.rejected', { count: f.rejected })}.`}
              {f.columnsNotRead && (
                <p>{t('importing.columnsNotRead', { columns: f.columnsNotRead.join(', ') })}</p>
              )}
            </div>
          ))}
      </div>
      <SourcePulls onPulled={onImported} />
      <h2>{t('importing.boundaries')}</h2>
      <p>
        {t('importing.boundariesIntro')} <code>name</code> {t('importing.boundariesIntroEnd')}
      </p>
      <MayWrite>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const f = boundaryInput.current?.files?.[0];
            if (f && boundaryCountry) upload(f, boundaryCountry);
          }}
        >
          <label>
            {t('importing.country')}{' '}
            <select value={boundaryCountry} onChange={(e) => setBoundaryCountry(e.target.value)} required>
              {status.countries.map((c) => (
                <option key={c.country} value={c.country}>
                  {c.country}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('importing.boundaryFile')}{' '}
            <input ref={boundaryInput} type="file" name="boundaries" accept=".geojson,.json" required />
          </label>{' '}
          <button
            type="submit"
            disabled={!boundaryCountry || stage.kind === 'uploading' || stage.kind === 'importing'}
          >
            {t('importing.storeBoundaries')}
          </button>
        </form>
      </MayWrite>
      <h2>{t('importing.inStore')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('importing.country')}</th>
              <th scope="col">{t('importing.events')}</th>
              <th scope="col">{t('importing.from')}</th>
              <th scope="col">{t('importing.to')}</th>
            </tr>
          </thead>
          <tbody>
            {status.countries.length === 0 ? (
              <tr>
                <td colSpan={4}>{t('importing.nothingYet')}</td>
              </tr>
            ) : (
              status.countries.map((c) => (
                <tr key={c.country}>
                  <th scope="row">{c.country}</th>
                  <td className="store-count">{num(c.events)}</td>
                  <td>{month(c.first)}</td>
                  <td>{month(c.last)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
