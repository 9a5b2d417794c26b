import { useId, useState } from 'react';
import { get, runOperation } from '../api-client.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import { useSignedIn } from '../use-signed-in.ts';
import { Async } from './status-views.tsx';
import './workbench-tasks.css';

type Status = OperationResult<'planAcknowledgements'>;

/**
 * Who has and who has not acknowledged the plan version shown, against the accounts of the store
 * (`GET /api/plans/acknowledgements`), and an Acknowledge button that records it under the
 * signed-in person's name with `acknowledgePlan`, the operation of `tandem plan acknowledge`.
 * The paper's second recommendation: leadership communicating the plan to staff.
 */
export function PlanAcknowledgements({ mission, version }: { mission: string; version: number }) {
  const id = useId();
  const me = useSignedIn();
  const [done, setDone] = useState(0);
  const status = useApi<Status>(`acks ${mission} ${version} ${done}`, (s) =>
    get('/api/plans/acknowledgements', { mission, version }, s),
  );
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);
  const acknowledge = async () => {
    setError(null);
    try {
      await runOperation('acknowledgePlan', { mission, version, role: role.trim() || undefined });
      setDone((n) => n + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="plan-acknowledgements" aria-label="Acknowledgements of this plan version">
      <h2>Acknowledgements of version {version}</h2>
      <Async state={status} what="the acknowledgements">
        {(s) => {
          const mine = s.acknowledged.find((a) => a.by === me.data?.name);
          return (
            <>
              {!s.current && <p className="muted">This is not the mission's newest plan version.</p>}
              <div className="side-by-side">
                <div>
                  <h3>Acknowledged ({s.acknowledged.length})</h3>
                  {s.acknowledged.length ? (
                    <ul className="ack-list">
                      {s.acknowledged.map((a) => (
                        <li key={a.by}>
                          {a.by}{' '}
                          <span className="muted">
                            ({a.role}, {a.at.slice(0, 10)})
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">Nobody yet.</p>
                  )}
                </div>
                <div>
                  <h3>Not yet ({s.notYet.length})</h3>
                  {s.accounts === 0 ? (
                    <p className="muted">The store has no accounts, so nobody can be listed here.</p>
                  ) : s.notYet.length ? (
                    <ul className="ack-list">
                      {s.notYet.map((n) => (
                        <li key={n.name}>
                          {n.name} <span className="muted">({n.roles.join(', ')})</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">Every account has acknowledged this version.</p>
                  )}
                </div>
              </div>
              {mine ? (
                <p role="status" className="task-note">
                  You acknowledged version {version} on {mine.at.slice(0, 10)}.
                </p>
              ) : (
                me.data && (
                  <form
                    className="task-form"
                    aria-label="Acknowledge this plan version"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void acknowledge();
                    }}
                  >
                    <label htmlFor={`${id}-role`}>
                      Your post (optional)
                      <input
                        id={`${id}-role`}
                        value={role}
                        placeholder="Head of Office, Kessa"
                        onChange={(e) => setRole(e.target.value)}
                      />
                    </label>
                    <button type="submit">
                      Acknowledge version {version} as {me.data.name}
                    </button>
                  </form>
                )
              )}
              {error && (
                <p className="error-box" role="alert">
                  {error}
                </p>
              )}
            </>
          );
        }}
      </Async>
    </section>
  );
}
