import { useState } from 'react';
import { get, runOperation } from '../api-client.ts';
import { NegotiationView } from '../components/negotiation-view.tsx';
import { Empty } from '../components/status-views.tsx';
import { TextFileUpload } from '../components/text-file-upload.tsx';
import type { OperationResult } from '../operation-types.ts';
import { setUrlState, useUrlState } from '../url-state.ts';
import { useApi } from '../use-api.ts';
import '../components/workbench-tasks.css';

type ProcessList = OperationResult<'listNegotiations'>;

/**
 * The negotiation processes kept in the store: choose one or several to lay side by side (the
 * choice lives in the address, `#/negotiations?processes=3,1`), and load a new process file, which
 * is stored with the operation `tandem negotiation store` uses. With no choice, the newest process
 * of the country in the header is shown.
 */
export function NegotiationsPage({ country }: { country: string | undefined }) {
  const params = useUrlState().params;
  const [stored, setStored] = useState(0);
  const list = useApi<ProcessList>(`negotiations ${stored}`, (s) => get('/api/negotiations', {}, s));
  const processes = list.data?.processes ?? [];
  const chosen = (params.get('processes') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const fallback = processes.find((p) => p.country === country) ?? processes[0];
  const shown = chosen.length ? chosen : fallback ? [fallback.id] : [];
  const toggle = (id: number, on: boolean) => {
    const next = on ? [...shown.filter((x) => x !== id), id] : shown.filter((x) => x !== id);
    setUrlState({ processes: next.join(',') }, { push: true });
  };
  return (
    <section className="negotiations">
      <h1>Negotiation processes</h1>
      <form className="task-bar" onSubmit={(e) => e.preventDefault()} aria-label="Choose or load processes">
        {processes.length > 0 && (
          <fieldset className="process-choice">
            <legend>Show side by side</legend>
            {processes.map((p) => (
              <label key={p.id}>
                <input
                  type="checkbox"
                  checked={shown.includes(p.id)}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />{' '}
                {p.process}{' '}
                <span className="muted">
                  ({p.country}, stored {p.storedAt.slice(0, 10)})
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <TextFileUpload
          label="Load a process file (.yaml, .yml, .json)"
          accept=".yaml,.yml,.json"
          refused="The process was not stored."
          store={async (text, name) => {
            // The operation of `tandem negotiation store`: validated whole, delegates' names dropped.
            const r = await runOperation('storeNegotiation', { process: text, name });
            setStored((n) => n + 1);
            setUrlState({ processes: [...shown.filter((x) => x !== r.id), r.id].join(',') }, { push: true });
            return `${name} stored: ${r.process} (${r.country}, ${r.rounds} rounds).`;
          }}
        />
      </form>
      {list.data && processes.length === 0 && (
        <Empty>No negotiation process is stored yet: load a process file (YAML or JSON) above.</Empty>
      )}
      <div className={shown.length > 1 ? 'side-by-side' : undefined}>
        {shown.map((id) => (
          <NegotiationView key={id} id={id} narrow={shown.length > 1} />
        ))}
      </div>
    </section>
  );
}
