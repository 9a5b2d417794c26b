import { type Sensitivity, sensitivityRank } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { LocalProcessWrite } from '../store/local-process-repository.ts';
import { assertOwnOffice, mayReadInFull } from './access-control.ts';
import type { Requester } from './operation.ts';

/** Whether `office` is one the requester records for (assertOwnOffice's rule, without the throw). */
function ofOwnOffice(requester: Requester, office: string): boolean {
  try {
    assertOwnOffice(requester, office);
    return true;
  } catch (e) {
    if (e instanceof TandemError) return false;
    throw e;
  }
}

const processes = (n: number) => `${n.toLocaleString('en-US')} local ${n === 1 ? 'process' : 'processes'}`;

/** "1 local process stored as restricted and 2 … as internal", the highest level first. */
function describe(levels: Map<string, number>): string {
  return [...levels]
    .sort(([a], [b]) => sensitivityRank(b) - sensitivityRank(a))
    .map(([level, n]) => `${processes(n)} stored as ${level}`)
    .join(' and ');
}

const add = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

/**
 * The rule an import of local processes obeys for the records it finds stored, as an event import
 * does (store/sensitivity-guard.ts) and an incident edit does (assertMayEditIncident): it never
 * touches a process the requester may not read in full (above their clearance, or followed by an
 * office not theirs), never lowers a process's sensitivity, and never moves a process to an office
 * that is not the requester's; a new process is recorded for the requester's own office. Any of these refuses the whole import before anything is written
 * ('forbidden'), saying how many processes and at which levels, never their content, office or
 * ids. A hidden process is refused even when the file holds it exactly as stored: answering
 * "unchanged" would confirm a guess of what it says.
 */
export function assertMayOverwriteLocalProcesses(
  requester: Requester,
  writes: readonly LocalProcessWrite[],
): void {
  const hidden = new Map<string, number>();
  const lowered = new Map<Sensitivity, Map<string, number>>();
  const moved = new Map<string, number>();
  const placed = new Map<string, number>();
  for (const w of writes) {
    const stored = w.stored;
    if (!stored) {
      // A new process is recorded for one's own office, as an incident is (assertOwnOffice).
      if (w.process.office && !ofOwnOffice(requester, w.process.office)) add(placed, w.process.office);
      continue;
    }
    if (!mayReadInFull(requester, { sensitivity: stored.sensitivity, office: stored.office || null })) {
      add(hidden, stored.sensitivity);
      continue;
    }
    if (w.change === 'unchanged') continue;
    if (sensitivityRank(w.process.sensitivity) < sensitivityRank(stored.sensitivity)) {
      const to = lowered.get(w.process.sensitivity) ?? new Map<string, number>();
      lowered.set(w.process.sensitivity, add(to, stored.sensitivity));
    }
    if (w.process.office !== stored.office && !ofOwnOffice(requester, w.process.office))
      add(moved, w.process.office);
  }
  if (!hidden.size && !lowered.size && !moved.size && !placed.size) return;
  const parts: string[] = [];
  if (hidden.size)
    parts.push(
      `it would change ${describe(hidden)} that you may not read in full; only someone cleared for them and of the office that follows them may change them`,
    );
  for (const [to, from] of lowered)
    parts.push(
      `it would lower ${describe(from)} to ${to}; a record's sensitivity is never lowered, so write each at its stored level or higher to update it`,
    );
  const yours = requester.offices?.length ? requester.offices.join(', ') : 'no office';
  for (const [office, n] of moved)
    parts.push(
      `it would move ${processes(n)} to ${office ? `office "${office}"` : 'no office'}, not one of yours (${yours})`,
    );
  for (const [office, n] of placed)
    parts.push(`it would record ${processes(n)} for office "${office}", not one of yours (${yours})`);
  throw new TandemError('forbidden', `import refused, nothing was written: ${parts.join('; ')}`, {
    details: {
      notReadable: Object.fromEntries(hidden),
      lowered: Object.fromEntries([...lowered].map(([to, from]) => [to, Object.fromEntries(from)])),
      movedTo: Object.fromEntries(moved),
      recordedFor: Object.fromEntries(placed),
    },
  });
}
