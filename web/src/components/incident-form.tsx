import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api-client.ts';
import type { OperationResult } from '../operation-types.ts';
import { type SignedIn, useSignedIn } from '../use-signed-in.ts';
import type { AreaMapAnswer } from '../workbench-types.ts';
import { TextWithCode } from './text-with-code.tsx';

/** An incident as the list releases it to the signed-in person. */
export type ListedIncident = OperationResult<'listIncidents'>['incidents'][number];

/** The incident categories of the mission's log (the API's codes; their words are in the catalogues). */
export const CATEGORIES = [
  'killing',
  'injury',
  'abduction-or-disappearance',
  'sexual-violence',
  'forced-displacement',
  'looting-or-destruction',
  'recruitment-or-use-of-children',
  'attack-on-humanitarian-workers',
  'attack-on-peacekeepers',
  'threat-or-intimidation',
  'armed-clash',
];
const PERPETRATOR_CATEGORIES = [
  '',
  'state-forces',
  'rebel-group',
  'political-militia',
  'identity-militia',
  'external-forces',
  'rioters',
];
const VERIFICATION = ['reported', 'corroborated', 'verified', 'rejected'];
// In order of level, lowest first; restricted is chosen unless the incident says otherwise.
const SENSITIVITY = ['public', 'internal', 'restricted', 'strictly-confidential'];
const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'];
const HARMED = ['women', 'men', 'girls', 'boys', 'unknownVictims'] as const;

export type Issues = Record<string, string>;

/** An incident's fields as the API takes them (POST /api/incidents, editIncident). */
export type IncidentFields = Record<string, unknown>;

/** Turns the form's fields into the incident the API takes: numbers as numbers, empty as absent. */
function incidentFrom(form: FormData, country: string): IncidentFields {
  const text = (k: string) => String(form.get(k) ?? '').trim();
  // A number as written here or in French ("4,25"); anything else goes as the text it is, for the
  // server to refuse beside its field, never as null (a coordinate quietly lost).
  const num = (k: string): number | string | null => {
    const raw = text(k);
    if (raw === '') return null;
    // Plain decimals only: Number() would also take "0x1A" and "1e2", which the server refuses.
    return /^[+-]?\d+(?:[.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : raw;
  };
  const perpetratorName = text('perpetratorName');
  const perpetratorCategory = text('perpetratorCategory');
  return {
    occurredOn: text('occurredOn'),
    country,
    admin1: text('admin1'),
    admin2: text('admin2'),
    place: text('place'),
    latitude: num('latitude'),
    longitude: num('longitude'),
    category: text('category'),
    perpetrator:
      perpetratorName || perpetratorCategory
        ? { name: perpetratorName, ...(perpetratorCategory ? { category: perpetratorCategory } : {}) }
        : null,
    victims: {
      women: num('women') ?? 0,
      men: num('men') ?? 0,
      girls: num('girls') ?? 0,
      boys: num('boys') ?? 0,
      unknown: num('unknownVictims') ?? 0,
    },
    killed: num('killed') ?? 0,
    injured: num('injured') ?? 0,
    targetedGroups: text('targetedGroups')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sourceType: text('sourceType'),
    reliability: text('reliability'),
    credibility: num('credibility') ?? undefined,
    verification: text('verification'),
    office: text('office'),
    sensitivity: text('sensitivity'),
    narrative: text('narrative'),
    // Ticked after the server took the area for a slip: the reporter says it is new.
    ...(form.get('newArea') ? { newArea: true } : {}),
  };
}

/** An incident the person may read in full, in the shape incidentFrom() gives, to compare with. */
export function fieldsOf(i: ListedIncident): IncidentFields {
  return {
    occurredOn: i.occurredOn,
    country: i.country,
    admin1: i.admin1,
    admin2: i.admin2,
    place: i.place ?? '',
    latitude: i.latitude,
    longitude: i.longitude,
    category: i.category,
    perpetrator: i.perpetrator
      ? { name: i.perpetrator.name, ...(i.perpetrator.category ? { category: i.perpetrator.category } : {}) }
      : null,
    victims: i.victims,
    killed: i.killed,
    injured: i.injured,
    targetedGroups: i.targetedGroups,
    sourceType: i.sourceType ?? '',
    reliability: i.reliability,
    credibility: i.credibility,
    verification: i.verification,
    office: i.office,
    sensitivity: i.sensitivity,
    narrative: i.narrative ?? '',
  };
}

/**
 * The admin-1 areas of a country the workbench knows, to offer in the form: those its events
 * count and those of its loaded boundaries, each once, in alphabetical order.
 */
export function knownAreaNames(areas: AreaMapAnswer | undefined): string[] {
  const names = [
    ...(areas?.areas ?? []).map((a) => a.admin1),
    ...(areas?.features ?? []).map((f) => f.properties.admin1),
  ].filter(Boolean);
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}

/** The fields of `after` that differ from `before`: what an edit sends. */
export function changedFields(before: IncidentFields, after: IncidentFields): IncidentFields {
  return Object.fromEntries(
    Object.entries(after).filter(([k, v]) => JSON.stringify(v ?? null) !== JSON.stringify(before[k] ?? null)),
  );
}

/** The field an API issue names ("victims.women" → "women"), for the message beside it. */
export function issuesOf(e: unknown): Issues {
  const out: Issues = {};
  const details =
    e instanceof ApiError ? (e.details as { issues?: { path: string; message: string }[] }) : undefined;
  for (const i of details?.issues ?? []) {
    const key = i.path.replace(/^victims\./, '').replace(/^perpetrator\./, 'perpetrator-');
    out[key] = i.message;
  }
  return out;
}

/** A labelled control (its id the form's prefix and its name) and, below it, what the server said of it. */
function Field({
  label,
  name,
  control,
  idPrefix,
  issues,
  children,
}: {
  label: string;
  /** The field as the API names it in an issue. */
  name: string;
  /** The form control's name, where it differs. */
  control?: string;
  idPrefix: string;
  issues: Issues;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={`${idPrefix}${control ?? name}`}>{label}</label>
      {children}
      {issues[name] && (
        <span className="field-error" role="alert">
          {issues[name]}
        </span>
      )}
    </div>
  );
}

/**
 * The offices an incident may be reported for by the signed-in person: their account's (the
 * server refuses any other), or null when any office will do (an account of all offices, the
 * person at the terminal, or an account not known yet), where the office is written in.
 */
export function reportingOffices(me: SignedIn | undefined): string[] | null {
  if (!me?.offices || me.offices.includes('all-offices')) return null;
  return me.offices;
}

/** A form's outcome: done (ok) or refused, in words; null before any. */
export type FormMessage = { ok: boolean; text: string } | null;

/**
 * The incident form, to record an incident or to change one (`initial` its current fields). Each
 * control's id starts with `idPrefix`, so that two forms can share a page; beside each control,
 * what the server said of it. The admin-1 area offers the country's known areas (`areas`) and
 * still takes a new name: a variant of a known one is stored under the known spelling.
 */
export function IncidentForm({
  country,
  areas = [],
  initial,
  idPrefix,
  issues,
  busy,
  submitLabel,
  onSubmit,
  message,
}: {
  country: string;
  /** The country's admin-1 areas the workbench knows (knownAreaNames). */
  areas?: readonly string[];
  initial?: IncidentFields;
  idPrefix: string;
  issues: Issues;
  busy: boolean;
  submitLabel: string;
  onSubmit: (fields: IncidentFields, form: HTMLFormElement) => void;
  /** What the last submission came to, said under the button. */
  message?: FormMessage;
}) {
  const { t } = useTranslation();
  const me = useSignedIn().data;
  const offices = reportingOffices(me);
  // An incident kept under an office no longer the person's stays under it until they choose.
  const officeChoices =
    offices && initial?.office && !offices.includes(String(initial.office))
      ? [String(initial.office), ...offices]
      : offices;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onSubmit(incidentFrom(new FormData(e.currentTarget), country), e.currentTarget);
  };
  const v = (k: string): string => {
    const x = initial?.[k];
    return x === null || x === undefined ? '' : Array.isArray(x) ? x.join(', ') : String(x);
  };
  const victims = (initial?.victims ?? {}) as Record<string, number>;
  const perpetrator = (initial?.perpetrator ?? null) as { name?: string; category?: string } | null;
  const f = { idPrefix, issues };
  const id = (n: string) => `${idPrefix}${n}`;
  return (
    <form className="incident-form" onSubmit={submit} noValidate>
      {/* Said before the form is filled in, not after it is refused ("not one of your offices"). */}
      {officeChoices?.length === 0 && me && (
        <p className="read-only-note" role="note">
          <TextWithCode text={t('incidents.noOffice', { name: me.name, roles: me.roles.join(',') })} />
        </p>
      )}
      <fieldset>
        <legend>{t('incidents.whenWhere')}</legend>
        <Field {...f} label={t('incidents.date')} name="occurredOn">
          <input
            type="date"
            id={id('occurredOn')}
            name="occurredOn"
            required
            defaultValue={v('occurredOn')}
          />
        </Field>
        <Field {...f} label={t('incidents.admin1')} name="admin1">
          <input
            id={id('admin1')}
            name="admin1"
            list={id('admin1-known')}
            autoComplete="off"
            placeholder={t('incidents.admin1Hint')}
            defaultValue={v('admin1')}
          />
          <datalist id={id('admin1-known')}>
            {areas.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          {issues.admin1?.includes('newArea') && (
            <label className="check">
              <input type="checkbox" name="newArea" value="yes" /> {t('incidents.newArea')}
            </label>
          )}
        </Field>
        {(['admin2', 'place'] as const).map((n) => (
          <Field {...f} key={n} label={t(`incidents.${n}`)} name={n}>
            <input id={id(n)} name={n} defaultValue={v(n)} />
          </Field>
        ))}
        {(['latitude', 'longitude'] as const).map((n) => (
          <Field {...f} key={n} label={t(`incidents.${n}`)} name={n}>
            <input id={id(n)} name={n} inputMode="decimal" defaultValue={v(n)} />
          </Field>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('incidents.what')}</legend>
        <Field {...f} label={t('incidents.categoryCol')} name="category">
          <select id={id('category')} name="category" defaultValue={v('category') || 'killing'}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`incidents.category.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field {...f} label={t('incidents.perpetrator')} name="perpetrator-name" control="perpetratorName">
          <input
            id={id('perpetratorName')}
            name="perpetratorName"
            placeholder={t('incidents.perpetratorHint')}
            defaultValue={perpetrator?.name ?? ''}
          />
        </Field>
        <Field
          {...f}
          label={t('incidents.perpetratorKind')}
          name="perpetrator-category"
          control="perpetratorCategory"
        >
          <select
            id={id('perpetratorCategory')}
            name="perpetratorCategory"
            defaultValue={perpetrator?.category ?? ''}
          >
            {PERPETRATOR_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`incidents.perpetratorCategory.${c}`)}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('incidents.harmed')}</legend>
        {HARMED.map((n) => {
          const field = n === 'unknownVictims' ? 'unknown' : n;
          return (
            <Field {...f} key={n} label={t(`incidents.harmedKind.${n}`)} name={field} control={n}>
              <input id={id(n)} name={n} type="number" min={0} defaultValue={victims[field] ?? 0} />
            </Field>
          );
        })}
        {(['killed', 'injured'] as const).map((n) => (
          <Field {...f} key={n} label={t(`incidents.${n}`)} name={n}>
            <input id={id(n)} name={n} type="number" min={0} defaultValue={v(n) || 0} />
          </Field>
        ))}
        <Field {...f} label={t('incidents.groups')} name="targetedGroups">
          <input
            id={id('targetedGroups')}
            name="targetedGroups"
            placeholder={t('incidents.groupsHint')}
            defaultValue={v('targetedGroups')}
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('incidents.sourceHandling')}</legend>
        <Field {...f} label={t('incidents.source')} name="sourceType">
          <input id={id('sourceType')} name="sourceType" defaultValue={v('sourceType')} />
        </Field>
        <Field {...f} label={t('incidents.reliability')} name="reliability">
          <select id={id('reliability')} name="reliability" defaultValue={v('reliability') || 'F'}>
            {RELIABILITY.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Field {...f} label={t('incidents.credibility')} name="credibility">
          <select id={id('credibility')} name="credibility" defaultValue={v('credibility') || '6'}>
            {[1, 2, 3, 4, 5, 6].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <Field {...f} label={t('incidents.verificationCol')} name="verification">
          <select id={id('verification')} name="verification" defaultValue={v('verification') || 'reported'}>
            {VERIFICATION.map((c) => (
              <option key={c} value={c}>
                {t(`incidents.verification.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field {...f} label={t('incidents.reportingOffice')} name="office">
          {officeChoices ? (
            // The server takes only the account's own offices: they are offered, the only one chosen.
            <select
              id={id('office')}
              name="office"
              required
              disabled={officeChoices.length === 0}
              defaultValue={v('office') || (officeChoices.length === 1 ? officeChoices[0] : '')}
            >
              {officeChoices.length !== 1 && (
                <option value="">
                  {officeChoices.length ? t('incidents.chooseOffice') : t('incidents.noOfficeOption')}
                </option>
              )}
              {officeChoices.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          ) : (
            <input id={id('office')} name="office" required defaultValue={v('office')} />
          )}
        </Field>
        <Field {...f} label={t('incidents.sensitivityField')} name="sensitivity">
          <select id={id('sensitivity')} name="sensitivity" defaultValue={v('sensitivity') || 'restricted'}>
            {SENSITIVITY.map((c) => (
              <option key={c} value={c}>
                {t(`incidents.sensitivity.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field {...f} label={t('incidents.narrative')} name="narrative">
          <textarea id={id('narrative')} name="narrative" rows={4} defaultValue={v('narrative')} />
        </Field>
      </fieldset>
      <button type="submit" disabled={busy || officeChoices?.length === 0}>
        {submitLabel}
      </button>
      {message && (
        <p className={message.ok ? 'done-box' : 'error-box'} role="status">
          {message.text}
        </p>
      )}
    </form>
  );
}
