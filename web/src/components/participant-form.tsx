import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearanceOf, sensitivityRank } from '../../../src/domain/sensitivity.ts';
import { ApiError, get, runOperation } from '../api-client.ts';
import { day } from '../format.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import type { SignedIn } from '../use-signed-in.ts';
import { Async } from './status-views.tsx';

type Negotiations = OperationResult<'listNegotiations'>;
type Locals = OperationResult<'listLocalProcesses'>;
type Negotiation = OperationResult<'currentNegotiation'>;

const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
/** A person at risk is never public or merely internal (participant-input.ts). */
const SENSITIVITIES = ['strictly-confidential', 'restricted'] as const;
/** Roles the register often holds; the field takes any other. */
const ROLE_SUGGESTIONS = [
  'delegate',
  'women’s group leader',
  'youth representative',
  'traditional authority',
  'IDP representative',
  'journalist',
  'human rights defender',
];

/** What the server said of each field, by the field's top name (`processes.0.rounds.1` → `processes`). */
type Issues = Record<string, string>;

function issuesOf(e: unknown): Issues {
  const out: Issues = {};
  const details =
    e instanceof ApiError ? (e.details as { issues?: { path: string; message: string }[] }) : undefined;
  for (const i of details?.issues ?? []) {
    const key = i.path.startsWith('consent.') ? i.path : i.path.split('.')[0]!;
    out[key] = out[key] ? `${out[key]}; ${i.message}` : i.message;
  }
  return out;
}

/** A chosen process: a local one by its id, a negotiation by its stored id; and the rounds chosen. */
interface Chosen {
  process: string | number;
  rounds: string[];
}

function Field({
  id,
  label,
  issue,
  children,
}: {
  id: string;
  label: string;
  issue: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {issue && (
        <span className="field-error" role="alert" id={`${id}-error`}>
          {issue}
        </span>
      )}
    </div>
  );
}

/** Checkboxes for the rounds of one process; none ticked means every round. */
function RoundChoice({
  rounds,
  chosen,
  onChange,
  name,
}: {
  rounds: string[];
  chosen: string[];
  onChange: (rounds: string[]) => void;
  name: string;
}) {
  const { t } = useTranslation();
  if (!rounds.length) return null;
  return (
    <fieldset className="rounds">
      <legend>{t('participantForm.rounds', { name })}</legend>
      {rounds.map((r) => (
        <label key={r}>
          <input
            type="checkbox"
            checked={chosen.includes(r)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, r] : chosen.filter((x) => x !== r))}
          />{' '}
          {r}
        </label>
      ))}
    </fieldset>
  );
}

/** A negotiation process's rounds, asked for once it is chosen. */
function NegotiationRounds({
  id,
  name,
  chosen,
  onChange,
}: {
  id: number;
  name: string;
  chosen: string[];
  onChange: (rounds: string[]) => void;
}) {
  const { t } = useTranslation();
  const process = useApi<Negotiation>(`negotiation-rounds-${id}`, (s) =>
    get('/api/negotiations/current', { id }, s),
  );
  return (
    <Async state={process} what={t('participantForm.roundsWhat')}>
      {(n) => (
        <RoundChoice
          rounds={n.process.rounds.map((r) => r.id)}
          chosen={chosen}
          onChange={onChange}
          name={name}
        />
      )}
    </Async>
  );
}

/**
 * The form that adds a person or group to the protection–participation register, through the
 * same operation as `POST /api/participants` (recordParticipant): the server checks every field,
 * the processes and rounds, and the office, and what it says of a field is shown beside it.
 * Processes are chosen from the country's stored negotiation processes and the local processes
 * the person may know of.
 */
export function ParticipantForm({
  country,
  me,
  onAdded,
}: {
  country: string;
  me: SignedIn;
  onAdded: (id: number) => void;
}) {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<Issues>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [consent, setConsent] = useState(false);
  const [level, setLevel] = useState<string>('strictly-confidential');
  // A record above the recorder's own clearance is theirs to file, not to read back: said beside it.
  const clearance = clearanceOf(me.roles);
  const aboveOwn = sensitivityRank(level) > sensitivityRank(clearance);
  const negotiations = useApi<Negotiations>(`negotiations-${country}`, (s) =>
    get('/api/negotiations', { country }, s),
  );
  const locals = useApi<Locals>(`local-list-${country}`, (s) => get('/api/local-processes', { country }, s));
  const offices = (me.offices ?? []).filter((o) => o !== 'all-offices');
  const id = (n: string) => `p-${n}`;
  /** Marks a control the server found fault with, pointing at the message beside it. */
  const invalid = (issue: string, control = issue) =>
    issues[issue] ? { 'aria-invalid': true, 'aria-describedby': `${id(control)}-error` } : {};

  const toggle = (process: string | number, on: boolean) =>
    setChosen((c) => (on ? [...c, { process, rounds: [] }] : c.filter((x) => x.process !== process)));
  const setRounds = (process: string | number, rounds: string[]) =>
    setChosen((c) => c.map((x) => (x.process === process ? { ...x, rounds } : x)));
  const roundsOf = (process: string | number) => chosen.find((x) => x.process === process)?.rounds ?? [];

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const body = {
      alias: text('alias'),
      ...(text('realName') ? { realName: text('realName') } : {}),
      role: text('role'),
      gender: text('gender'),
      organisation: text('organisation'),
      office: text('office'),
      country: text('country'),
      admin1: text('admin1'),
      processes: chosen.map((c) => ({
        process: c.process,
        ...(c.rounds.length ? { rounds: c.rounds } : {}),
      })),
      consent: { given: consent, on: consent ? text('consentOn') || null : null },
      sensitivity: text('sensitivity'),
    };
    setBusy(true);
    setIssues({});
    setMessage(null);
    try {
      const r = await runOperation('recordParticipant', body);
      setMessage({ ok: true, text: t('participantForm.added', { id: r.id }) });
      form.reset();
      setChosen([]);
      setConsent(false);
      onAdded(r.id);
    } catch (err) {
      setIssues(issuesOf(err));
      setMessage({ ok: false, text: t('participantForm.failed', { message: (err as Error).message }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="incident-form participant-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('participantForm.who')}</legend>
        <Field id={id('alias')} label={t('participantForm.alias')} issue={issues.alias}>
          <input id={id('alias')} name="alias" required {...invalid('alias')} />
        </Field>
        <Field id={id('realName')} label={t('participantForm.realName')} issue={issues.realName}>
          <input id={id('realName')} name="realName" autoComplete="off" {...invalid('realName')} />
        </Field>
        <Field id={id('role')} label={t('participantForm.role')} issue={issues.role}>
          <input id={id('role')} name="role" list={id('roles')} required {...invalid('role')} />
          <datalist id={id('roles')}>
            {ROLE_SUGGESTIONS.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </Field>
        <Field id={id('gender')} label={t('participantForm.gender')} issue={issues.gender}>
          <select id={id('gender')} name="gender" defaultValue="undisclosed" {...invalid('gender')}>
            {GENDERS.map((g) => (
              <option key={g} value={g}>
                {t(`participantForm.genders.${g}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('organisation')} label={t('participantForm.organisation')} issue={issues.organisation}>
          <input id={id('organisation')} name="organisation" {...invalid('organisation')} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('participantForm.where')}</legend>
        <Field id={id('office')} label={t('participantForm.office')} issue={issues.office}>
          {offices.length ? (
            <select id={id('office')} name="office" {...invalid('office')}>
              {offices.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          ) : (
            <input id={id('office')} name="office" required {...invalid('office')} />
          )}
        </Field>
        <Field id={id('country')} label={t('participantForm.country')} issue={issues.country}>
          <input id={id('country')} name="country" defaultValue={country} required {...invalid('country')} />
        </Field>
        <Field id={id('admin1')} label={t('participantForm.admin1')} issue={issues.admin1}>
          <input id={id('admin1')} name="admin1" {...invalid('admin1')} />
        </Field>
      </fieldset>
      <fieldset
        className="processes"
        // Process names are long: wider columns than the other fieldsets'.
        style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(min(22rem, 100%), 1fr))' }}
        aria-describedby={issues.processes ? `${id('processes')}-error` : undefined}
      >
        <legend>{t('participantForm.processes')}</legend>
        <Async state={negotiations} what={t('participantForm.negotiationsWhat')}>
          {(n) => (
            <div className="field">
              <span className="muted">{t('participantForm.negotiations')}</span>
              {n.processes.length === 0 && <span className="muted">{t('participantForm.none')}</span>}
              {n.processes.map((p) => (
                <div key={`n-${p.id}`}>
                  <label>
                    <input
                      type="checkbox"
                      name="negotiation"
                      value={p.id}
                      checked={chosen.some((c) => c.process === p.id)}
                      onChange={(e) => toggle(p.id, e.target.checked)}
                    />{' '}
                    {p.process} ({p.fileName})
                  </label>
                  {chosen.some((c) => c.process === p.id) && (
                    <NegotiationRounds
                      id={p.id}
                      name={p.process}
                      chosen={roundsOf(p.id)}
                      onChange={(r) => setRounds(p.id, r)}
                    />
                  )}
                </div>
              ))}
            </div>
          )}
        </Async>
        <Async state={locals} what={t('participantForm.localsWhat')}>
          {(l) => (
            <div className="field">
              <span className="muted">{t('participantForm.locals')}</span>
              {l.processes.length === 0 && <span className="muted">{t('participantForm.none')}</span>}
              {l.processes.map((p) => (
                <div key={`l-${p.id}`}>
                  <label>
                    <input
                      type="checkbox"
                      name="local"
                      value={p.id}
                      checked={chosen.some((c) => c.process === p.id)}
                      onChange={(e) => toggle(p.id, e.target.checked)}
                    />{' '}
                    {p.name} ({day(p.date)})
                  </label>
                  {chosen.some((c) => c.process === p.id) && (
                    <RoundChoice
                      rounds={(p.meetings.length ? p.meetings : [{ id: 'signing', date: p.date }]).map(
                        (m) => m.id,
                      )}
                      chosen={roundsOf(p.id)}
                      onChange={(r) => setRounds(p.id, r)}
                      name={p.name}
                    />
                  )}
                </div>
              ))}
            </div>
          )}
        </Async>
        {issues.processes && (
          <span className="field-error" role="alert" id={`${id('processes')}-error`}>
            {issues.processes}
          </span>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('participantForm.consentAndHandling')}</legend>
        <div className="field">
          <label>
            <input
              type="checkbox"
              id={id('consentGiven')}
              checked={consent}
              onChange={(e) => setConsent(e.target.checked)}
            />{' '}
            {t('participantForm.consentGiven')}
          </label>
          {issues.consent && (
            <span className="field-error" role="alert">
              {issues.consent}
            </span>
          )}
        </div>
        <Field id={id('consentOn')} label={t('participantForm.consentOn')} issue={issues['consent.on']}>
          <input
            type="date"
            id={id('consentOn')}
            name="consentOn"
            disabled={!consent}
            {...invalid('consent.on', 'consentOn')}
          />
        </Field>
        <Field id={id('sensitivity')} label={t('participantForm.sensitivity')} issue={issues.sensitivity}>
          <select
            id={id('sensitivity')}
            name="sensitivity"
            value={level}
            onChange={(e) => setLevel(e.target.value)}
            aria-describedby={aboveOwn ? id('above-own') : undefined}
          >
            {SENSITIVITIES.map((s) => (
              <option key={s} value={s}>
                {t(`participantForm.sensitivities.${s}`)}
              </option>
            ))}
          </select>
          {aboveOwn && (
            <span className="field-note" id={id('above-own')}>
              {t('participantForm.aboveOwn', {
                level: t(`participantForm.sensitivities.${level}`),
                clearance: t(`participantForm.sensitivities.${clearance}`),
              })}
            </span>
          )}
        </Field>
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('participantForm.submit')}
      </button>
      {message && (
        <p className={message.ok ? 'done-box' : 'error-box'} role="status">
          {message.text}
        </p>
      )}
    </form>
  );
}
