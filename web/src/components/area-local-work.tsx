import { get } from '../api-client.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import { Async, Empty } from './status-views.tsx';

type Check = OperationResult<'checkLocalProcesses'>;
type Register = OperationResult<'listParticipants'>;

/**
 * The local processes of one admin-1 area with the violence around them, and how many people of
 * the participation register work there (named only to those cleared for them).
 */
export function AreaLocalWork({ country, admin1 }: { country: string; admin1: string }) {
  const check = useApi<Check>(`local-check-${country}`, (s) =>
    get('/api/local-processes/check', { country, storedPlan: true }, s),
  );
  const register = useApi<Register>(`participants-${country}`, (s) =>
    get('/api/participants', { country }, s),
  );
  return (
    <div className="two-col area-local-work">
      <div>
        <h3>Local processes in {admin1}</h3>
        <Async state={check} what="the local processes">
          {(c) => {
            const here = c.processes.filter((p) => p.admin1 === admin1);
            if (!here.length) return <Empty>No local process recorded in {admin1}.</Empty>;
            return (
              <ul>
                {here.map((p) => (
                  <li key={p.id}>
                    <a href={`#/local/${encodeURIComponent(p.id)}`}>{p.name}</a> ({p.date}, {p.status}):{' '}
                    {p.before.events} events before, {p.after.events} after
                    {p.findings.length ? ` — ${p.findings.map((f) => f.kind).join(', ')}` : ''}
                  </li>
                ))}
              </ul>
            );
          }}
        </Async>
      </div>
      <div>
        <h3>Participation in {admin1}</h3>
        <Async state={register} what="the register">
          {(r) => {
            const here = r.participants.filter((p) => p.admin1 === admin1);
            if (!here.length) return <Empty>No one in the register works in {admin1}.</Empty>;
            const shown = here.filter((p) => !p.withheld);
            return (
              <p>
                {here.length} participant(s) of the register work here
                {shown.length ? (
                  <>
                    : {shown.map((p) => p.alias).join(', ')}. <a href="#/participation">The register</a>
                  </>
                ) : (
                  '; who they are is withheld from you.'
                )}
              </p>
            );
          }}
        </Async>
      </div>
    </div>
  );
}
