import type { Cell, Section } from './brief-model.ts';

/** What the local-process section needs of the check (checkLocalProcesses' answer). */
export interface LocalBriefInput {
  radiusKm: number;
  windowDays: number;
  processes: {
    id: string;
    name: string;
    date: string;
    admin1: string;
    status: string;
    office: string | null;
    before: { events: number; fatalities: number; evidence: { id: number }[] };
    after: { events: number; fatalities: number; evidence: { id: number }[] };
    findings: { kind: string; message: string }[];
  }[];
  officeFindings: { kind: string; message: string; evidence: { id: number }[] }[];
  /** Processes the reader may not know of (another office's, or above their clearance). */
  withheld?: number;
}

/** Events named as everywhere in the brief: by Tandem's event number. */
const ids = (list: readonly { id: number }[], max = 5) =>
  list
    .slice(0, max)
    .map((e) => `#${e.id}`)
    .join(', ') + (list.length > max ? ', …' : '');

/**
 * The brief's section on local processes (recommendation 8): how many, how many disconnected from
 * the national process, those where violence rose after their date, and each finding with its
 * events. Null when the scope holds no local process, so briefs without any are unchanged.
 */
export function localProcessSection(check: LocalBriefInput): Section | null {
  if (!check.processes.length) return null;
  const disconnected = check.processes.filter((p) =>
    p.findings.some((f) => f.kind === 'local-national-disconnect'),
  );
  const breaking = check.processes.filter((p) => p.findings.some((f) => f.kind === 'breaking-down'));
  const rising = [...check.processes]
    .filter((p) => p.after.events > p.before.events)
    .sort((a, b) => b.after.events - b.before.events - (a.after.events - a.before.events))
    .slice(0, 10);
  const rows: Cell[][] = rising.map((p) => [
    p.name,
    p.date,
    p.admin1 || '–',
    p.status,
    p.before.events,
    p.after.events,
    p.after.fatalities,
    ids(p.after.evidence),
  ]);
  return {
    title: 'Local processes',
    blocks: [
      {
        kind: 'p',
        text: `${check.processes.length} local process(es) recorded${check.withheld ? ` (and ${check.withheld} withheld from the reader of this brief)` : ''}; ${disconnected.length} with no link to the national process or the plan (local–national disconnect); ${breaking.length} whose parties fought more near them after their date than before (breaking down); ${check.processes.filter((p) => !p.office).length} followed by no field office.`,
      },
      ...(rows.length
        ? [
            {
              kind: 'table' as const,
              head: [
                'Process',
                'Date',
                'Admin-1',
                'Status',
                'Events before',
                'Events after',
                'Deaths after',
                'Events after (ids)',
              ],
              rows,
            },
          ]
        : [{ kind: 'p' as const, text: 'Violence rose after the date of none of them.' }]),
      ...(breaking.length || check.officeFindings.length
        ? [
            {
              kind: 'list' as const,
              items: [
                ...breaking.flatMap((p) =>
                  p.findings.filter((f) => f.kind === 'breaking-down').map((f) => f.message),
                ),
                ...check.officeFindings.map((f) => `${f.message} Events: ${ids(f.evidence)}.`),
              ],
            },
          ]
        : []),
      {
        kind: 'counted',
        text: `events within ${check.radiusKm} km (great circle) of each process, ${check.windowDays} days before and after its date (\`tandem local check\`).`,
      },
    ],
  };
}

/** What the participation section needs: the register as released, and the alerts. */
export interface ParticipationBriefInput {
  participants: { withheld: boolean; measures: { status: string; reviewOn: string | null }[] | null }[];
  alerts: { kind: string; round: string | null; process: string; incidents: { id: number }[] }[];
}

/**
 * The brief's section on the protection–participation nexus (recommendation 7): counts only,
 * never who: participants in the register, alerts by kind with the incidents behind them, and
 * protective measures due. Null when the register holds no one for the scope.
 */
export function participationSection(p: ParticipationBriefInput, today: string): Section | null {
  if (!p.participants.length) return null;
  const kinds = ['threat-before-round', 'below-quota-trend', 'local-mediators-attacked'];
  const due = p.participants
    .flatMap((x) => x.measures ?? [])
    .filter((m) => m.status !== 'closed' && m.reviewOn && m.reviewOn <= today).length;
  return {
    title: 'Participation at risk',
    blocks: [
      {
        kind: 'p',
        text: `${p.participants.length} people or groups in the protection–participation register for this scope (${p.participants.filter((x) => x.withheld).length} of them withheld from the reader of this brief); ${due} protective measure(s) past their review date.`,
      },
      {
        kind: 'table',
        head: ['Alert', 'Count', 'Incidents behind them'],
        rows: kinds.map((k) => {
          const list = p.alerts.filter((a) => a.kind === k);
          const incidents = [...new Set(list.flatMap((a) => a.incidents.map((i) => `#${i.id}`)))];
          return [k.replace(/-/g, ' '), list.length, incidents.join(', ') || '–'];
        }),
      },
      {
        kind: 'counted',
        text: '`tandem participation check`; incidents are ids of the mission’s incident log. Who is at risk is in the register, for those cleared to read it.',
      },
    ],
  };
}
