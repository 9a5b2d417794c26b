import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, runOperation } from '../api-client.ts';
import { day } from '../format.ts';
import { actorName, populationName, label as word } from '../labels.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import { VIOLENCE_TYPES } from '../workbench-types.ts';
import { MayWrite } from './may-write.tsx';
import { Async, Empty } from './status-views.tsx';
import './workbench-tasks.css';

type ThreatList = OperationResult<'listThreats'>;
type Threat = ThreatList['threats'][number];

const LEVELS = ['low', 'medium', 'high', 'very-high'] as const;
const TRENDS = ['rising', 'stable', 'falling', 'new', 'returning'] as const;
const STATUSES = ['proposed', 'accepted', 'dismissed'] as const;

/**
 * The threat register of an area (`GET /api/threats`), each threat editable in place: likelihood,
 * severity, trend, status and note, saved with `editThreat`, the operation of `tandem threats
 * edit`. The server records the edit under the signed-in account and appends it to the audit chain.
 */
export function ThreatEditing({
  country,
  admin1,
  from,
  to,
}: {
  country: string;
  admin1: string;
  /** The period the page shows: the threats it suggests are those of this period, and so are those saved. */
  from: string;
  to: string;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(0);
  const list = useApi<ThreatList>(`threats ${country} ${admin1} ${saved}`, (s) =>
    get('/api/threats', { country, admin1 }, s),
  );
  const [error, setError] = useState<string | null>(null);
  // What `tandem threats propose --save` does, for this area: the data's threats enter the register.
  const register = async () => {
    setError(null);
    try {
      await runOperation('proposeThreats', { country, admin1, from, to, save: true });
      setSaved((n) => n + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="threat-editing" aria-label={t('analysts.registerLabel')}>
      <h3>{t('analysts.register')}</h3>
      <Async state={list} what={t('analysts.theRegister')}>
        {(r) =>
          r.threats.length === 0 ? (
            <>
              <Empty>{t('analysts.noThreat')}</Empty>
              <MayWrite>
                <button type="button" onClick={() => void register()}>
                  {t('analysts.addSuggested')}
                </button>
              </MayWrite>
            </>
          ) : (
            <>
              <ul className="tag-list">
                {r.threats.map((x) => (
                  <ThreatItem key={x.id} threat={x} onSaved={() => setSaved((n) => n + 1)} />
                ))}
              </ul>
              {/* Threats the data shows later (or in another period) join the register too; those
                  already in it are kept as the analysts left them. */}
              <MayWrite>
                <button type="button" onClick={() => void register()}>
                  {t('analysts.addSuggested')}
                </button>
              </MayWrite>
            </>
          )
        }
      </Async>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      <MayWrite quiet>
        <RecordThreat country={country} admin1={admin1} onSaved={() => setSaved((n) => n + 1)} />
      </MayWrite>
    </section>
  );
}

/**
 * A threat the data does not show (a report, a rumour, a patrol's finding), recorded by hand with
 * `addThreat`, the operation of `tandem threats add`: the server records it under the signed-in
 * account and on the audit chain (joint-work probe: only the data's threats could enter).
 */
function RecordThreat({
  country,
  admin1,
  onSaved,
}: {
  country: string;
  admin1: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const empty = {
    perpetrator: '',
    targetedPopulation: '',
    violenceType: 'violence-against-civilians',
    likelihood: 'medium',
    severity: 'medium',
    note: '',
  };
  const [draft, setDraft] = useState(empty);
  const field = fieldsOf(id, draft, setDraft);
  const [state, save] = useSave(async () => {
    await runOperation('addThreat', { country, admin1, ...draft });
    setDraft(empty);
    onSaved();
  });
  return (
    <details>
      <summary>{t('analysts.recordThreat')}</summary>
      <form
        className="task-form"
        aria-label={t('analysts.recordForm')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {field.text('perpetrator', t('analysts.perpetrator'))}
        {field.text('targetedPopulation', t('analysts.population'))}
        {field.choice(
          'violenceType',
          t('analysts.violenceType'),
          VIOLENCE_TYPES.map(([k]) => k),
        )}
        {field.choice('likelihood', t('analysts.likelihood'), LEVELS)}
        {field.choice('severity', t('analysts.severity'), LEVELS)}
        {field.note(t('analysts.sourceNote'))}
        <button type="submit" disabled={state.busy}>
          {t('analysts.record')}
        </button>
      </form>
      <SaveError state={state} />
    </details>
  );
}

function ThreatItem({ threat, onSaved }: { threat: Threat; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState({
    likelihood: threat.likelihood,
    severity: threat.severity,
    trend: threat.trend,
    status: threat.status,
    note: threat.note,
  });
  const field = fieldsOf(id, draft, setDraft);
  const [state, save] = useSave(async () => {
    await runOperation('editThreat', { id: threat.id, ...draft });
    onSaved();
  });
  return (
    <li data-threat={threat.id}>
      <strong>{actorName(threat.perpetrator)}</strong> → {populationName(threat.targetedPopulation)} (
      {word(threat.violenceType)}){t('common.colon')}
      {t('analysts.threat', {
        likelihood: word(threat.likelihood),
        severity: word(threat.severity),
        trend: word(threat.trend),
        status: word(threat.status),
      })}
      {threat.updatedBy && (
        <span className="muted">
          {t('analysts.changedBy', { name: actorName(threat.updatedBy), date: day(threat.updatedAt) })}
        </span>
      )}
      {/* The space before the quotation, not inside it, as the driver tags have it. */}
      {threat.note && (
        <>
          {' '}
          <q className="task-note">{threat.note}</q>
        </>
      )}
      <MayWrite quiet>
        <details>
          <summary>{t('analysts.edit')}</summary>
          <form
            className="task-form"
            aria-label={t('analysts.editThreat', { id: threat.id })}
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            {field.choice('likelihood', t('analysts.likelihood'), LEVELS)}
            {field.choice('severity', t('analysts.severity'), LEVELS)}
            {field.choice('trend', t('analysts.trend'), TRENDS)}
            {field.choice('status', t('analysts.status'), STATUSES)}
            {field.note(t('analysts.note'))}
            <button type="submit" disabled={state.busy}>
              {t('analysts.save')}
            </button>
          </form>
          <SaveError state={state} />
        </details>
      </MayWrite>
    </li>
  );
}

type SaveState = { busy: boolean; error?: string };

/** A form's save: busy while it runs, its refusal kept to show. */
function useSave(run: () => Promise<void>): [SaveState, () => Promise<void>] {
  const [state, setState] = useState<SaveState>({ busy: false });
  const save = async () => {
    setState({ busy: true });
    try {
      await run();
      setState({ busy: false });
    } catch (e) {
      setState({ busy: false, error: (e as Error).message });
    }
  };
  return [state, save];
}

function SaveError({ state }: { state: SaveState }) {
  if (!state.error) return null;
  return (
    <p className="error-box" role="alert">
      {state.error}
    </p>
  );
}

/** A threat form's fields, each bound to its key of `draft`: a line of text, a choice in the page's words, the note. */
function fieldsOf<D extends Record<string, string>>(id: string, draft: D, setDraft: (d: D) => void) {
  const set = (key: keyof D & string, value: string) => setDraft({ ...draft, [key]: value });
  return {
    text: (key: keyof D & string, label: string) => (
      <label htmlFor={`${id}-${key}`}>
        {label}
        <input id={`${id}-${key}`} required value={draft[key]} onChange={(e) => set(key, e.target.value)} />
      </label>
    ),
    choice: (key: keyof D & string, label: string, options: readonly string[]) => (
      <label htmlFor={`${id}-${key}`}>
        {label}
        <select id={`${id}-${key}`} value={draft[key]} onChange={(e) => set(key, e.target.value)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {word(o)}
            </option>
          ))}
        </select>
      </label>
    ),
    note: (label: string) => (
      <label htmlFor={`${id}-note`}>
        {label}
        <textarea
          id={`${id}-note`}
          rows={2}
          value={draft.note}
          onChange={(e) => set('note', e.target.value)}
        />
      </label>
    ),
  };
}
