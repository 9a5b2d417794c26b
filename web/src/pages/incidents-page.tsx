import { type FormEvent, useState } from 'react';
import { ApiError, get, runOperation } from '../api-client.ts';
import { Async, Empty } from '../components/status-views.tsx';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';

type Listed = OperationResult<'listIncidents'>;

/** The incident categories, in the words of the mission's log (the API's codes as values). */
const CATEGORIES: [string, string][] = [
  ['killing', 'Killing'],
  ['injury', 'Injury'],
  ['abduction-or-disappearance', 'Abduction or disappearance'],
  ['sexual-violence', 'Sexual violence'],
  ['forced-displacement', 'Forced displacement'],
  ['looting-or-destruction', 'Looting or destruction'],
  ['recruitment-or-use-of-children', 'Recruitment or use of children'],
  ['attack-on-humanitarian-workers', 'Attack on humanitarian workers'],
  ['attack-on-peacekeepers', 'Attack on peacekeepers'],
  ['threat-or-intimidation', 'Threat or intimidation'],
  ['armed-clash', 'Armed clash'],
];
const PERPETRATOR_CATEGORIES: [string, string][] = [
  ['', 'Unknown'],
  ['state-forces', 'State forces'],
  ['rebel-group', 'Rebel group'],
  ['political-militia', 'Political militia'],
  ['identity-militia', 'Identity (communal) militia'],
  ['external-forces', 'External or other forces'],
  ['rioters', 'Rioters'],
];
const VERIFICATION: [string, string][] = [
  ['reported', 'Reported'],
  ['corroborated', 'Corroborated'],
  ['verified', 'Verified'],
  ['rejected', 'Rejected (counted nowhere)'],
];
const SENSITIVITY: [string, string][] = [
  ['restricted', 'Restricted'],
  ['strictly-confidential', 'Strictly confidential'],
  ['internal', 'Internal'],
  ['public', 'Public'],
];
const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'];

type Issues = Record<string, string>;

/** Turns the form's fields into the incident the API takes: numbers as numbers, empty as absent. */
function incidentFrom(form: FormData, country: string): Record<string, unknown> {
  const text = (k: string) => String(form.get(k) ?? '').trim();
  const num = (k: string) => (text(k) === '' ? undefined : Number(text(k)));
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
    credibility: num('credibility'),
    verification: text('verification'),
    office: text('office'),
    sensitivity: text('sensitivity'),
    narrative: text('narrative'),
  };
}

/** The field an API issue names ("victims.women" → "women"), for the message beside it. */
function issuesOf(e: unknown): Issues {
  const out: Issues = {};
  const details =
    e instanceof ApiError ? (e.details as { issues?: { path: string; message: string }[] }) : undefined;
  for (const i of details?.issues ?? []) {
    const key = i.path.replace(/^victims\./, '').replace(/^perpetrator\./, 'perpetrator-');
    out[key] = i.message;
  }
  return out;
}

/** A labelled control (its id is `f-` and its name) and, below it, what the server said of it. */
function Field({
  label,
  name,
  control,
  issues,
  children,
}: {
  label: string;
  /** The field as the API names it in an issue. */
  name: string;
  /** The form control's name, where it differs. */
  control?: string;
  issues: Issues;
  children: React.ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={`f-${control ?? name}`}>{label}</label>
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
 * The mission's own incident log: a form to record an incident (what the field office knows, with
 * its sensitivity and the source's grading) and the incidents of the country as the signed-in
 * person may see them; those of another office, or above their clearance, are counted with their
 * narrative, source and place withheld.
 */
export function IncidentsPage({ country }: { country: string | undefined }) {
  const [reload, setReload] = useState(0);
  const [issues, setIssues] = useState<Issues>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useApi<Listed>(country ? `incidents|${country}|${reload}` : null, (signal) =>
    get<Listed>('/api/incidents', { country }, signal),
  );
  if (!country) return <Empty>Choose a country first: incidents are recorded for one.</Empty>;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    setBusy(true);
    setIssues({});
    setMessage(null);
    try {
      const { id } = await runOperation('recordIncident', incidentFrom(new FormData(form), country));
      setMessage({ ok: true, text: `Incident ${id} recorded.` });
      form.reset();
      setReload((n) => n + 1);
    } catch (err) {
      setIssues(issuesOf(err));
      setMessage({ ok: false, text: `Nothing was recorded: ${(err as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="incidents">
      <h1>Incidents: {country}</h1>
      <p>
        What a field office reports. The narrative, the source, the place name and the exact coordinates are
        stored encrypted; only those cleared for the incident and of its office read them. Each incident
        counts in the summaries, the map and the alerts as an event of the mission's own.
      </p>
      <form className="incident-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>When and where</legend>
          <Field label="Date" name="occurredOn" issues={issues}>
            <input type="date" name="occurredOn" required />
          </Field>
          <Field label="Admin-1" name="admin1" issues={issues}>
            <input id="f-admin1" name="admin1" />
          </Field>
          <Field label="Admin-2" name="admin2" issues={issues}>
            <input id="f-admin2" name="admin2" />
          </Field>
          <Field label="Place" name="place" issues={issues}>
            <input id="f-place" name="place" />
          </Field>
          <Field label="Latitude" name="latitude" issues={issues}>
            <input id="f-latitude" name="latitude" inputMode="decimal" />
          </Field>
          <Field label="Longitude" name="longitude" issues={issues}>
            <input id="f-longitude" name="longitude" inputMode="decimal" />
          </Field>
        </fieldset>
        <fieldset>
          <legend>What happened, and who did it</legend>
          <Field label="Category" name="category" issues={issues}>
            <select id="f-category" name="category" defaultValue="killing">
              {CATEGORIES.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Perpetrator" name="perpetrator-name" control="perpetratorName" issues={issues}>
            <input
              id="f-perpetratorName"
              name="perpetratorName"
              placeholder="as the register names it, or new"
            />
          </Field>
          <Field
            label="Perpetrator's kind"
            name="perpetrator-category"
            control="perpetratorCategory"
            issues={issues}
          >
            <select id="f-perpetratorCategory" name="perpetratorCategory" defaultValue="">
              {PERPETRATOR_CATEGORIES.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
        <fieldset>
          <legend>Who was harmed</legend>
          {(
            [
              ['women', 'Women'],
              ['men', 'Men'],
              ['girls', 'Girls'],
              ['boys', 'Boys'],
              ['unknownVictims', 'Sex or age unknown'],
              ['killed', 'Killed'],
              ['injured', 'Injured'],
            ] as const
          ).map(([n, l]) => (
            <Field
              key={n}
              label={l}
              name={n === 'unknownVictims' ? 'unknown' : n}
              control={n}
              issues={issues}
            >
              <input id={`f-${n}`} name={n} type="number" min={0} defaultValue={0} />
            </Field>
          ))}
          <Field label="Groups targeted (comma-separated)" name="targetedGroups" issues={issues}>
            <input id="f-targetedGroups" name="targetedGroups" placeholder="displaced people, aid workers…" />
          </Field>
        </fieldset>
        <fieldset>
          <legend>Source and handling</legend>
          <Field label="Source" name="sourceType" issues={issues}>
            <input id="f-sourceType" name="sourceType" />
          </Field>
          <Field label="Source reliability" name="reliability" issues={issues}>
            <select id="f-reliability" name="reliability" defaultValue="F">
              {RELIABILITY.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Information credibility" name="credibility" issues={issues}>
            <select id="f-credibility" name="credibility" defaultValue="6">
              {[1, 2, 3, 4, 5, 6].map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Verification" name="verification" issues={issues}>
            <select id="f-verification" name="verification" defaultValue="reported">
              {VERIFICATION.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Reporting office" name="office" issues={issues}>
            <input id="f-office" name="office" required />
          </Field>
          <Field label="Sensitivity" name="sensitivity" issues={issues}>
            <select id="f-sensitivity" name="sensitivity" defaultValue="restricted">
              {SENSITIVITY.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Narrative" name="narrative" issues={issues}>
            <textarea id="f-narrative" name="narrative" rows={4} />
          </Field>
        </fieldset>
        <button type="submit" disabled={busy}>
          Record the incident
        </button>
        {message && (
          <p className={message.ok ? 'done-box' : 'error-box'} role="status">
            {message.text}
          </p>
        )}
      </form>
      <h2>Recorded incidents</h2>
      <Async state={list} what="the incidents">
        {(d) =>
          d.incidents.length === 0 ? (
            <Empty>No incident recorded for {country} yet.</Empty>
          ) : (
            <div className="table-scroll">
              <table className="incident-list">
                <thead>
                  <tr>
                    <th>Date</th>
                    <th>Admin-1</th>
                    <th>Category</th>
                    <th>Killed</th>
                    <th>Injured</th>
                    <th>Verification</th>
                    <th>Office</th>
                    <th>Narrative</th>
                  </tr>
                </thead>
                <tbody>
                  {d.incidents.map((i) => (
                    <tr key={i.id}>
                      <td>{i.occurredOn}</td>
                      <td>{i.admin1}</td>
                      <td>{CATEGORIES.find(([v]) => v === i.category)?.[1] ?? i.category}</td>
                      <td>{i.killed}</td>
                      <td>{i.injured}</td>
                      <td>{i.verification}</td>
                      <td>{i.office}</td>
                      <td>
                        {i.withheld ? (
                          <em>withheld (another office, or above your clearance)</em>
                        ) : (
                          i.narrative
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Async>
    </section>
  );
}
