import { z } from 'zod';
import { loadDriverTaxonomy } from '../analysis/driver-rules.ts';
import { findDriverTags } from '../analysis/driver-tag-repository.ts';
import { findThreats } from '../analysis/threat-repository.ts';
import type { EscalationAlert } from '../domain/alert.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { Threat } from '../domain/threat.ts';
import { findEvents, type StoredEvent } from '../store/event-repository.ts';
import { releaseDriverTags, releaseEvents, releaseThreats, WITHHELD_KEY } from './access-control.ts';
import { actorProfile } from './actor-profile.ts';
import { listAlerts } from './alert-operations.ts';
import { numberInput, recordIdInput } from './number-input.ts';
import { defineOperation } from './operation.ts';

/** Whether an alert's series counts an event: its country, area or actor, in the months of the rise. */
function alertCounts(a: EscalationAlert, e: StoredEvent): boolean {
  const month = e.dateStart.slice(0, 7);
  if (a.country !== e.country || month < a.start || month > a.alarm) return false;
  if (a.level === 'admin1') return a.key === e.admin1;
  if (a.level === 'actor') return a.key === e.actor1 || a.key === e.actor2;
  return true;
}

/** Whether a threat of the register stands on an event: linked to it, or its very pattern there. */
function threatCounts(t: Threat, e: StoredEvent): boolean {
  if (t.events.includes(e.id)) return true;
  return (
    t.admin1 === e.admin1 &&
    t.violenceType === e.violenceType &&
    (t.perpetrator === e.actor1 || t.perpetrator === e.actor2)
  );
}

export const recordPageOperations = {
  /**
   * One event as the requester may see it (fields above their clearance stay withheld and the read
   * is audited), with where it came from, the escalation alerts whose rise counts it, the threats
   * of the register it stands behind, and the analysts' driver tags on it: the workbench's event
   * page.
   */
  eventDetail: defineOperation({
    summary: 'One event with its source, and the alerts, threats and driver tags that stand on it.',
    input: z.object({ id: recordIdInput() }),
    async run(ctx, input) {
      const [stored] = await findEvents(ctx.store.db, { ids: [input.id] });
      if (!stored) throw new TandemError('not-found', `no event with id ${input.id}`);
      const [event] = await releaseEvents(ctx, [stored], 'event page');
      // The country's alerts over its whole record, alone: not the whole joint analysis.
      const { alerts } = await listAlerts.run(ctx, { country: stored.country });
      const threats = (await findThreats(ctx.store.db, { country: stored.country })).filter((t) =>
        threatCounts(t, stored),
      );
      const tags = await releaseDriverTags(
        ctx,
        await findDriverTags(ctx.store.db, { eventIds: [stored.id] }),
      );
      const taxonomy = loadDriverTaxonomy().drivers;
      const withheld = event!.notes !== stored.notes;
      return {
        event: event!,
        withheld,
        alerts: alerts.filter((a) => alertCounts(a, stored)),
        // A threat named after an actor the requester may not see is left out with the name.
        threats: (await releaseThreats(ctx, threats)).filter(
          (t) => !withheld || (t.perpetrator !== stored.actor1 && t.perpetrator !== WITHHELD_KEY),
        ),
        driverTags: tags.map((t) => {
          const d = taxonomy.find((x) => x.key === t.driver);
          return {
            id: t.id,
            driver: t.driver,
            // The taxonomy's labels, so the page names the driver in the reader's language.
            label: d?.label ?? t.driver,
            ...(d?.labelFr ? { labelFr: d.labelFr } : {}),
            analyst: t.analyst,
            unit: t.unit,
          };
        }),
      };
    },
  }),

  /**
   * An actor as the requester may see it: its events (only those the requester may read with the
   * actor named), the areas where it acts, its category, whether it is a state force, and its
   * share of the country's attacks on civilians: the workbench's actor page.
   */
  actorProfile: defineOperation({
    summary:
      'An actor: its events, areas, category, whether a state force, and share of attacks on civilians.',
    input: z.object({
      name: z.string().min(1),
      country: z.string().min(1).optional(),
      limit: numberInput(z.number().int().positive().max(1000)).default(100),
    }),
    run: (ctx, input) => actorProfile(ctx, input),
  }),
};
