import { useState } from 'react';
import { get, runOperation } from '../api-client.ts';
import {
  CATEGORIES,
  changedFields,
  fieldsOf,
  type IncidentFields,
  IncidentForm,
  type Issues,
  issuesOf,
  type ListedIncident,
} from '../components/incident-form.tsx';
import { Async, Empty } from '../components/status-views.tsx';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';

type Listed = OperationResult<'listIncidents'>;
type History = OperationResult<'incidentHistory'>;
type Message = { ok: boolean; text: string } | null;

const show = (v: unknown): string =>
  v === null || v === undefined || v === '' ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v);

/** An incident's history: who created and changed it, when, and what changed from what to what. */
function IncidentHistory({ id, version }: { id: number; version: string }) {
  const history = useApi<History>(`incident-history|${id}|${version}`, (signal) =>
    get<History>(`/api/incidents/${id}/history`, undefined, signal),
  );
  return (
    <Async state={history} what="the history">
      {(d) => (
        <ol className="incident-history" aria-label={`History of incident ${id}`}>
          {d.history.map((h) => (
            <li key={`${h.at}|${h.change}`}>
              <strong>{h.change === 'created' ? 'Recorded' : 'Changed'}</strong> by {h.by},{' '}
              <time dateTime={h.at}>{h.at.replace('T', ' ').slice(0, 16)} UTC</time>
              {h.changes.length > 0 && (
                <ul>
                  {h.changes.map((c) => (
                    <li key={c.field}>
                      {c.field}: {c.withheld ? <em>withheld</em> : `${show(c.from)} → ${show(c.to)}`}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Async>
  );
}

/**
 * One incident opened: its form to change it (for those who may read it in full; the server
 * decides who may save) and its history.
 */
function IncidentEditor({
  incident,
  country,
  onSaved,
  onClose,
}: {
  incident: ListedIncident;
  country: string;
  onSaved: () => void;
  onClose: () => void;
}) {
  const [issues, setIssues] = useState<Issues>({});
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const before = fieldsOf(incident);
  const save = async (after: IncidentFields) => {
    const changes = changedFields(before, after);
    setIssues({});
    if (!Object.keys(changes).length)
      return setMessage({ ok: true, text: 'Nothing to save: no field changed.' });
    setBusy(true);
    setMessage(null);
    try {
      const r = await runOperation('editIncident', { id: incident.id, ...changes });
      setMessage({ ok: true, text: `Incident ${r.id} saved: ${r.changed.join(', ')} changed.` });
      onSaved();
    } catch (err) {
      setIssues(issuesOf(err));
      setMessage({ ok: false, text: `Nothing was saved: ${(err as Error).message}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="incident-editor" aria-label={`Incident ${incident.id}`}>
      <h2>
        Incident {incident.id}{' '}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </h2>
      {incident.withheld ? (
        <p>
          This incident belongs to another office, or is above your clearance: you see its counts and its
          history without the details, and may not change it.
        </p>
      ) : (
        <IncidentForm
          key={incident.updatedAt}
          country={country}
          initial={before}
          idPrefix="e-"
          issues={issues}
          busy={busy}
          submitLabel="Save the changes"
          onSubmit={save}
        >
          {message && (
            <p className={message.ok ? 'done-box' : 'error-box'} role="status">
              {message.text}
            </p>
          )}
        </IncidentForm>
      )}
      <h3>History</h3>
      <IncidentHistory id={incident.id} version={incident.updatedAt} />
    </section>
  );
}

/**
 * The mission's own incident log: a form to record an incident (what the field office knows, with
 * its sensitivity and the source's grading), the incidents of the country as the signed-in person
 * may see them (those of another office, or above their clearance, counted with their narrative,
 * source and place withheld), and one incident opened to change it and read its history.
 */
export function IncidentsPage({ country }: { country: string | undefined }) {
  const [reload, setReload] = useState(0);
  const [issues, setIssues] = useState<Issues>({});
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<number | null>(null);
  const list = useApi<Listed>(country ? `incidents|${country}|${reload}` : null, (signal) =>
    get<Listed>('/api/incidents', { country }, signal),
  );
  if (!country) return <Empty>Choose a country first: incidents are recorded for one.</Empty>;

  const record = async (fields: IncidentFields, form: HTMLFormElement) => {
    setBusy(true);
    setIssues({});
    setMessage(null);
    try {
      const { id } = await runOperation('recordIncident', fields);
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
  const openedIncident = list.data?.incidents.find((i) => i.id === opened);

  return (
    <section className="incidents">
      <h1>Incidents: {country}</h1>
      <p>
        What a field office reports. The narrative, the source, the place name and the exact coordinates are
        stored encrypted; only those cleared for the incident and of its office read them. Each incident
        counts in the summaries, the map and the alerts as an event of the mission's own; a rejected one
        counts nowhere. Every change is kept in the incident's history.
      </p>
      {openedIncident && (
        <IncidentEditor
          incident={openedIncident}
          country={country}
          onSaved={() => setReload((n) => n + 1)}
          onClose={() => setOpened(null)}
        />
      )}
      <h2>Record an incident</h2>
      <IncidentForm
        country={country}
        idPrefix="f-"
        issues={issues}
        busy={busy}
        submitLabel="Record the incident"
        onSubmit={record}
      >
        {message && (
          <p className={message.ok ? 'done-box' : 'error-box'} role="status">
            {message.text}
          </p>
        )}
      </IncidentForm>
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
                    <th>
                      <span className="visually-hidden">Open</span>
                    </th>
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
                      <td>
                        <button
                          type="button"
                          onClick={() => {
                            setOpened(i.id);
                            window.scrollTo({ top: 0 });
                          }}
                          aria-label={`Open incident ${i.id}`}
                        >
                          Open
                        </button>
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
