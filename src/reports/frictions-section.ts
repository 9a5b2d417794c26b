import type { Friction } from '../domain/friction.ts';
import type { Section } from './brief-model.ts';

/**
 * The brief's friction register: each friction found or registered in the scope, with its owner,
 * the decision and who took it, so leadership reads what is being done about each.
 */
export function frictionsSection(frictions: readonly Friction[]): Section {
  return {
    title: 'Frictions',
    blocks: [
      {
        kind: 'p',
        text: 'Frictions between protection and political work, named so they can be managed (tandem frictions list|edit; the workbench’s Frictions page). A decision is accept, mitigate, or escalate to leadership.',
      },
      frictions.length
        ? {
            kind: 'table',
            head: [
              'ref',
              'kind',
              'subject',
              'owner',
              'decision',
              'decided by',
              'status',
              'review',
              'still found',
            ],
            rows: frictions.map((f) => [
              f.ref,
              f.kind.replace(/-/g, ' '),
              f.subject,
              f.owner,
              f.decision ?? 'not decided',
              f.decidedBy ?? '',
              f.status,
              f.reviewDate ?? '',
              f.found ? 'yes' : 'no',
            ]),
          }
        : { kind: 'p', text: 'No friction found and none registered.' },
      {
        kind: 'counted',
        text: 'the plan check on the newest stored plan of each mission (state-perpetrator, resource-overallocation, local-national-disconnect), and admin-1 areas with at least 10 events against civilians in the last six months where no national process had a round in the 12 months before; overlaid with the frictions table',
      },
    ],
  };
}
