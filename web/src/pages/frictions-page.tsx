import { type FormEvent, useState } from 'react';
import { ApiError, get, runOperation } from '../api-client.ts';
import { Async, Empty } from '../components/status-views.tsx';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';

type Listed = OperationResult<'listFrictions'>;
type Friction = Listed['frictions'][number];

const KIND_WORDS: Record<string, string> = {
  'state-perpetrator-friction': 'Support to state forces that harm civilians',
  'resource-overallocation': 'Competition for the same resources',
  'local-national-disconnect': 'Local work cut off from the national strategy',
  'violence-without-process': 'High violence, no active political process',
};

/** One friction's decision form: owner, decision, status, review date, note. */
function DecisionForm({ f, onSaved }: { f: Friction; onSaved: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = (field: string) => `friction-${f.ref}-${field}`;
  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const value = (k: string) => (String(form.get(k) ?? '').trim() || undefined) as string | undefined;
    setSaving(true);
    setError(null);
    try {
      await runOperation('editFriction', {
        ref: f.ref,
        owner: value('owner'),
        decision: value('decision'),
        status: value('status'),
        reviewDate: value('reviewDate'),
        note: value('note'),
      });
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }
  return (
    <form className="friction-decision" onSubmit={save}>
      <label htmlFor={id('owner')}>Owner</label>
      <input id={id('owner')} name="owner" defaultValue={f.owner} placeholder="a post or a unit" />
      <label htmlFor={id('decision')}>Decision</label>
      <select id={id('decision')} name="decision" defaultValue={f.decision ?? ''}>
        <option value="">Not decided</option>
        <option value="accept">Accept</option>
        <option value="mitigate">Mitigate</option>
        <option value="escalate">Escalate to leadership</option>
      </select>
      <label htmlFor={id('status')}>Status</label>
      <select id={id('status')} name="status" defaultValue={f.status}>
        <option value="open">Open</option>
        <option value="in-progress">In progress</option>
        <option value="closed">Closed</option>
      </select>
      <label htmlFor={id('reviewDate')}>Review on</label>
      <input id={id('reviewDate')} name="reviewDate" type="date" defaultValue={f.reviewDate ?? ''} />
      <label htmlFor={id('note')}>Note</label>
      <input id={id('note')} name="note" defaultValue={f.note} />
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Save'}
      </button>
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/**
 * The friction register: what the plan check and the analysis find, and what was decided about
 * each friction, by whom (the decision is taken in the signed-in account's name).
 */
export function FrictionsPage({ country }: { country?: string }) {
  const [reload, setReload] = useState(0);
  const list = useApi<Listed>(`frictions|${country ?? ''}|${reload}`, (signal) =>
    get<Listed>('/api/frictions', country ? { country } : {}, signal),
  );
  return (
    <section className="frictions-page">
      <h1>Frictions{country ? ` — ${country}` : ''}</h1>
      <p>
        Frictions between protection and political work, named so they can be managed: found by the plan check
        and the analysis, each with an owner and a decision.
      </p>
      <Async state={list} what="the friction register">
        {(d) =>
          d.frictions.length === 0 ? (
            <Empty>No friction found and none registered. Store a plan to have it checked.</Empty>
          ) : (
            <ul className="friction-list">
              {d.frictions.map((f) => (
                <li key={f.ref}>
                  <h2>
                    {KIND_WORDS[f.kind] ?? f.kind}: {f.subject}{' '}
                    <small>
                      ({f.ref}
                      {f.found ? '' : ', no longer found'})
                    </small>
                  </h2>
                  <p>{f.message}</p>
                  <p className="friction-decided">
                    {f.decision
                      ? `Decision: ${f.decision}, by ${f.decidedBy} on ${f.decidedAt?.slice(0, 10)}.`
                      : 'No decision yet.'}{' '}
                    Status: {f.status}
                    {f.reviewDate ? `; review on ${f.reviewDate}` : ''}.
                  </p>
                  <DecisionForm f={f} onSaved={() => setReload((n) => n + 1)} />
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}
