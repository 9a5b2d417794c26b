import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, runOperation } from '../api-client.ts';
import {
  changedFields,
  type FormMessage,
  fieldsOf,
  type IncidentFields,
  IncidentForm,
  type Issues,
  issuesOf,
  knownAreaNames,
  type ListedIncident,
} from '../components/incident-form.tsx';
import { MayWrite } from '../components/may-write.tsx';
import { Async, Empty } from '../components/status-views.tsx';
import { day } from '../format.ts';
import { actorName } from '../labels.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import type { AreaMapAnswer } from '../workbench-types.ts';

type Listed = OperationResult<'listIncidents'>;
type History = OperationResult<'incidentHistory'>;

/** The form's label of a field an incident's history names, where the form has one. */
const FIELD_LABEL: Record<string, string> = {
  occurredOn: 'incidents.date',
  admin1: 'incidents.admin1',
  admin2: 'incidents.admin2',
  place: 'incidents.place',
  latitude: 'incidents.latitude',
  longitude: 'incidents.longitude',
  category: 'incidents.categoryCol',
  perpetrator: 'incidents.perpetrator',
  victims: 'incidents.harmed',
  killed: 'incidents.killed',
  injured: 'incidents.injured',
  targetedGroups: 'incidents.groups',
  sourceType: 'incidents.source',
  reliability: 'incidents.reliability',
  credibility: 'incidents.credibility',
  verification: 'incidents.verificationCol',
  office: 'incidents.reportingOffice',
  sensitivity: 'incidents.sensitivityField',
  narrative: 'incidents.narrative',
};

/** A value of an incident's history in the page's words: codes as their labels, people as counts. */
function shown(t: TFunction, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return t('incidents.none');
  if (field === 'verification' || field === 'category' || field === 'sensitivity')
    return t(`incidents.${field}.${String(v)}`, { defaultValue: String(v) });
  if (field === 'occurredOn' && typeof v === 'string') return day(v);
  if (field === 'victims' && typeof v === 'object') {
    const harmed = Object.entries(v as Record<string, number>).filter(([, n]) => n > 0);
    return harmed.length
      ? harmed
          .map(
            ([k, n]) =>
              `${t(`incidents.harmedKind.${k === 'unknown' ? 'unknownVictims' : k}`, { defaultValue: k })} ${n}`,
          )
          .join(', ')
      : t('incidents.none');
  }
  if (field === 'perpetrator' && typeof v === 'object') {
    const p = v as { name?: string; category?: string };
    const kind = p.category
      ? t(`incidents.perpetratorCategory.${p.category}`, { defaultValue: p.category })
      : '';
    return [p.name, kind && `(${kind})`].filter(Boolean).join(' ') || t('incidents.none');
  }
  if (Array.isArray(v)) return v.join(', ') || t('incidents.none');
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** An incident's history: who created and changed it, when, and what changed from what to what. */
function IncidentHistory({ id, version }: { id: number; version: string }) {
  const { t } = useTranslation();
  const history = useApi<History>(`incident-history|${id}|${version}`, (signal) =>
    get<History>(`/api/incidents/${id}/history`, undefined, signal),
  );
  return (
    <Async state={history} what={t('incidents.theHistory')}>
      {(d) => (
        <ol className="incident-history" aria-label={t('incidents.historyOf', { id })}>
          {d.history.map((h) => (
            <li key={`${h.at}|${h.change}`}>
              <strong>{h.change === 'created' ? t('incidents.recorded') : t('incidents.changed')}</strong>{' '}
              {t('incidents.by', { name: actorName(h.by) })}{' '}
              <time dateTime={h.at}>
                {day(h.at.slice(0, 10))} {h.at.slice(11, 16)} UTC
              </time>
              {h.changes.length > 0 && (
                <ul>
                  {h.changes.map((c) => (
                    <li key={c.field}>
                      {FIELD_LABEL[c.field] ? t(FIELD_LABEL[c.field]!) : c.field}:{' '}
                      {c.withheld ? (
                        <em>{t('incidents.withheld')}</em>
                      ) : (
                        `${shown(t, c.field, c.from)} → ${shown(t, c.field, c.to)}`
                      )}
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
  areas,
  onSaved,
  onClose,
}: {
  incident: ListedIncident;
  country: string;
  areas: readonly string[];
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<Issues>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, setBusy] = useState(false);
  const before = fieldsOf(incident);
  const save = async (after: IncidentFields) => {
    const changes = changedFields(before, after);
    setIssues({});
    if (!Object.keys(changes).length) return setMessage({ ok: true, text: t('incidents.nothingToSave') });
    setBusy(true);
    setMessage(null);
    try {
      const r = await runOperation('editIncident', { id: incident.id, ...changes });
      // An area written as a variant of its own known spelling changes nothing.
      if (!r.changed.length) return setMessage({ ok: true, text: t('incidents.nothingToSave') });
      const fields = r.changed.map((f) => (FIELD_LABEL[f] ? t(FIELD_LABEL[f]!) : f)).join(', ');
      setMessage({ ok: true, text: t('incidents.saved', { id: r.id, fields }) });
      onSaved();
    } catch (err) {
      setIssues(issuesOf(err));
      setMessage({ ok: false, text: t('incidents.notSaved', { reason: (err as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="incident-editor" aria-label={t('incidents.incident', { id: incident.id })}>
      <h2>
        {t('incidents.incident', { id: incident.id })}{' '}
        <button type="button" onClick={onClose}>
          {t('incidents.close')}
        </button>
      </h2>
      {incident.withheld ? (
        <p>{t('incidents.notYours')}</p>
      ) : (
        <MayWrite>
          <IncidentForm
            key={incident.updatedAt}
            country={country}
            areas={areas}
            initial={before}
            idPrefix="e-"
            issues={issues}
            busy={busy}
            submitLabel={t('incidents.saveChanges')}
            onSubmit={save}
            message={message}
          />
        </MayWrite>
      )}
      <h3>{t('incidents.history')}</h3>
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
/**
 * `onChanged` asks the header's counts again: an incident added or edited changes the number of
 * events the country selector shows.
 */
export function IncidentsPage({
  country,
  onChanged,
}: {
  country: string | undefined;
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const [reload, setReload] = useState(0);
  const [issues, setIssues] = useState<Issues>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<number | null>(null);
  const list = useApi<Listed>(country ? `incidents|${country}|${reload}` : null, (signal) =>
    get<Listed>('/api/incidents', { country }, signal),
  );
  // The areas to offer: known again after each incident, which may have named a new one.
  const known = useApi<AreaMapAnswer>(country ? `incident-areas|${country}|${reload}` : null, (signal) =>
    get<AreaMapAnswer>('/api/areas', { country }, signal),
  );
  const areas = knownAreaNames(known.data);
  if (!country) return <Empty>{t('incidents.chooseCountry')}</Empty>;

  const record = async (fields: IncidentFields, form: HTMLFormElement) => {
    setBusy(true);
    setIssues({});
    setMessage(null);
    try {
      const { id, admin1 } = await runOperation('recordIncident', fields);
      setMessage({
        ok: true,
        text:
          admin1 === fields.admin1
            ? t('incidents.recordedOk', { id })
            : t('incidents.recordedUnder', { id, area: admin1 }),
      });
      form.reset();
      setReload((n) => n + 1);
      onChanged?.();
    } catch (err) {
      const found = issuesOf(err);
      setIssues(found);
      // The fields refused are marked beside themselves, in words; the API's field names
      // ("occurredOn: expected a date") are not repeated above them.
      const count = Object.keys(found).length;
      setMessage({
        ok: false,
        text: count
          ? t('incidents.notRecordedFields', { count })
          : t('incidents.notRecorded', { reason: (err as Error).message }),
      });
    } finally {
      setBusy(false);
    }
  };
  const openedIncident = list.data?.incidents.find((i) => i.id === opened);

  return (
    <section className="incidents">
      <h1>{t('incidents.title', { country })}</h1>
      <p>{t('incidents.intro')}</p>
      {openedIncident && (
        <IncidentEditor
          incident={openedIncident}
          country={country}
          areas={areas}
          onSaved={() => {
            setReload((n) => n + 1);
            onChanged?.();
          }}
          onClose={() => setOpened(null)}
        />
      )}
      <h2>{t('incidents.record')}</h2>
      <MayWrite>
        <IncidentForm
          country={country}
          areas={areas}
          idPrefix="f-"
          issues={issues}
          busy={busy}
          submitLabel={t('incidents.recordButton')}
          onSubmit={record}
          message={message}
        />
      </MayWrite>
      <h2>{t('incidents.list')}</h2>
      <Async state={list} what={t('incidents.theIncidents')}>
        {(d) =>
          d.incidents.length === 0 ? (
            <Empty>{t('incidents.noneYet', { country })}</Empty>
          ) : (
            <div className="table-scroll">
              <table className="incident-list">
                <thead>
                  <tr>
                    <th>{t('incidents.date')}</th>
                    <th>{t('incidents.admin1')}</th>
                    <th>{t('incidents.categoryCol')}</th>
                    <th>{t('incidents.killed')}</th>
                    <th>{t('incidents.injured')}</th>
                    <th>{t('incidents.verificationCol')}</th>
                    <th>{t('incidents.office')}</th>
                    <th>{t('incidents.narrative')}</th>
                    <th>
                      <span className="visually-hidden">{t('incidents.open')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.incidents.map((i) => (
                    <tr key={i.id}>
                      <td data-label={t('incidents.date')}>{day(i.occurredOn)}</td>
                      <td data-label={t('incidents.admin1')}>{i.admin1}</td>
                      <td data-label={t('incidents.categoryCol')}>
                        {t(`incidents.category.${i.category}`, { defaultValue: i.category })}
                      </td>
                      <td data-label={t('incidents.killed')}>{i.killed}</td>
                      <td data-label={t('incidents.injured')}>{i.injured}</td>
                      <td data-label={t('incidents.verificationCol')}>
                        {t(`incidents.verification.${i.verification}`, { defaultValue: i.verification })}
                      </td>
                      <td data-label={t('incidents.office')}>{i.office}</td>
                      <td data-label={t('incidents.narrative')}>
                        {i.withheld ? <em>{t('incidents.withheldLong')}</em> : i.narrative}
                      </td>
                      <td>
                        <button
                          type="button"
                          onClick={() => {
                            setOpened(i.id);
                            window.scrollTo({ top: 0 });
                          }}
                          aria-label={t('incidents.openIncident', { id: i.id })}
                        >
                          {t('incidents.open')}
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
