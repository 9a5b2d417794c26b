import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, runOperation } from '../api-client.ts';
import { MayWrite } from '../components/may-write.tsx';
import { NegotiationView } from '../components/negotiation-view.tsx';
import { Empty } from '../components/status-views.tsx';
import { TextFileUpload } from '../components/text-file-upload.tsx';
import { day } from '../format.ts';
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
  const { t } = useTranslation();
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
      <h1>{t('negotiations.title')}</h1>
      <form className="task-bar" onSubmit={(e) => e.preventDefault()} aria-label={t('negotiations.choose')}>
        {processes.length > 0 && (
          <fieldset className="process-choice">
            <legend>{t('negotiations.sideBySide')}</legend>
            {processes.map((p) => (
              <label key={p.id}>
                <input
                  type="checkbox"
                  checked={shown.includes(p.id)}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />{' '}
                {p.process}{' '}
                <span className="muted">
                  {t('negotiations.storedOn', { country: p.country, date: day(p.storedAt) })}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <MayWrite>
          <TextFileUpload
            label={t('negotiations.load')}
            accept=".yaml,.yml,.json"
            refused={t('negotiations.refused')}
            store={async (text, name) => {
              // The operation of `tandem negotiation store`: validated whole, delegates' names dropped.
              const r = await runOperation('storeNegotiation', { process: text, name });
              setStored((n) => n + 1);
              setUrlState(
                { processes: [...shown.filter((x) => x !== r.id), r.id].join(',') },
                { push: true },
              );
              return t('negotiations.stored', {
                name,
                process: r.process,
                country: r.country,
                rounds: r.rounds,
              });
            }}
          />
        </MayWrite>
      </form>
      {list.data && processes.length === 0 && <Empty>{t('negotiations.none')}</Empty>}
      <div className={shown.length > 1 ? 'side-by-side' : undefined}>
        {shown.map((id) => (
          <NegotiationView key={id} id={id} />
        ))}
      </div>
    </section>
  );
}
