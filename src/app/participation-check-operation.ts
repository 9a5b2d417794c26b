import { z } from 'zod';
import { assertEventsExistFor } from '../analysis/event-scope-check.ts';
import {
  type AlertParticipant,
  belowQuotaTrend,
  DEFAULT_THREAT_WEEKS,
  type IncidentRef,
  localMediatorsAttacked,
  type ParticipationAlert,
  quotaRounds,
  type RoundsByProcess,
  threatsBeforeRounds,
} from '../analysis/participation-alerts.ts';
import {
  loadParticipationMeasures,
  type SuggestedMeasure,
} from '../analysis/participation-measure-catalog.ts';
import { meetingsOf } from '../domain/local-process.ts';
import { currentDataKey } from '../security/data-keys.ts';
import { isSealed } from '../security/field-cipher.ts';
import { findParticipants, incidentSummaries, storedNegotiations } from '../store/participant-repository.ts';
import { mayReadInFull, releaseLocalProcesses } from './access-control.ts';
import { logReads } from './access-log.ts';
import { languageInput } from './language-input.ts';
import { processesOfCountry } from './local-process-placement.ts';
import { parseProcessInput } from './negotiation-operations.ts';
import { numberInput } from './number-input.ts';
import { defineOperation } from './operation.ts';
import { openSealedOrganisation, releaseParticipants } from './participant-operations.ts';

// Participation at risk: the alerts of the protection–participation register, released as its records are.

/** What an alert on a participant withheld from the reader says instead. */
const WITHHELD_ALERT = {
  en: 'An alert concerns a participant whose record you may not read in full (above your clearance, or followed by another office): someone cleared for it, of that office, sees who, in which process, and the incidents.',
  fr: 'Une alerte concerne un participant dont vous ne pouvez pas lire la fiche en entier (au-dessus de votre habilitation, ou suivie par un autre bureau) : une personne habilitée de ce bureau voit de qui il s’agit, dans quel processus, et les incidents.',
} as const;

export type ParticipationAlertWithMeasures = ParticipationAlert & {
  processName: string;
  measures: SuggestedMeasure[];
};

export const participationCheckOperations = {
  /**
   * Participation at risk, for a country: threats or incidents against a participant or their group
   * in the weeks before a round or meeting they attend; women's share of a negotiation process's
   * delegations below its quota round after round; attacks on the people of a local process. Each
   * alert lists its incidents and the measures data/participation-measures.yaml suggests.
   */
  checkParticipation: defineOperation({
    summary:
      'Participation at risk: threat-before-round, below-quota-trend and local-mediators-attacked alerts, each with its incidents and suggested measures.',
    input: z.object({
      country: z.string().trim().min(1, 'the country is needed'),
      weeks: numberInput(z.number().int().min(1).max(52)).default(DEFAULT_THREAT_WEEKS),
      lang: languageInput,
    }),
    async run(
      ctx,
      input,
    ): Promise<{ country: string; weeks: number; alerts: ParticipationAlertWithMeasures[] }> {
      const catalog = loadParticipationMeasures(undefined, input.lang);
      const records = await findParticipants(ctx.store.db, { country: input.country });
      const released = await releaseParticipants(ctx, records, 'checkParticipation');
      // Every local process of the country, and those the requester may know of: an alert they
      // may read names only the latter, but an alert on a participant withheld from them is
      // looked for everywhere (it names nothing), or the officer who would act was never told
      // (participation probe: a POC officer not cleared for the person they follow got no alert).
      const every = await processesOfCountry(ctx, { country: input.country });
      const { released: locals } = await releaseLocalProcesses(ctx, every, 'checkParticipation');
      const negotiations = (await storedNegotiations(ctx.store.db, { country: input.country })).map((n) => ({
        ...n,
        parsed: parseProcessInput({ process: n.text, name: n.fileName }),
      }));
      const roundsOf = (processes: typeof every): RoundsByProcess => {
        const rounds: RoundsByProcess = new Map();
        for (const lp of processes) rounds.set(`local:${lp.id}`, meetingsOf(lp));
        for (const n of negotiations)
          rounds.set(
            `negotiation:${n.id}`,
            n.parsed.rounds.map((r) => ({ id: r.id, date: r.start })),
          );
        return rounds;
      };
      const linkedIds = [...new Set(records.flatMap((r) => r.incidents))];
      const all = await incidentSummaries(ctx.store.db, { country: input.country });
      // Nothing at all under this name: a misspelt or unknown country is told so, as the summary
      // tells it, rather than answered "no alerts".
      if (!records.length && !locals.length && !negotiations.length && !all.length)
        await assertEventsExistFor(ctx.store.db, { country: input.country });
      const linked = await incidentSummaries(ctx.store.db, { ids: linkedIds });
      const byId = new Map([...all, ...linked].map((i) => [i.id, i]));
      const incidentsSeen = (full: boolean): IncidentRef[] =>
        [...byId.values()]
          .filter((i) => i.verification !== 'rejected')
          .map((i) => ({
            id: i.id,
            occurredOn: i.occurredOn,
            category: i.category,
            admin1: i.admin1,
            // A group is matched on targeted groups the requester may read, so an alert they
            // read never reveals a group they could not see; a withheld alert says none.
            targetedGroups: full || mayReadInFull(ctx.requester, i) ? i.targetedGroups : [],
          }));
      const incidents = incidentsSeen(false);
      const withheld = new Set(records.filter((_, i) => released[i]!.withheld).map((r) => Number(r.row.id)));
      const readable: AlertParticipant[] = [];
      const hidden: AlertParticipant[] = [];
      const key = withheld.size ? await currentDataKey(ctx.store.db) : null;
      records.forEach((r, i) => {
        const id = Number(r.row.id);
        const shown = !withheld.has(id);
        // A withheld participant's organisation is opened here only to match incidents against it;
        // nothing of it leaves this function (without the master key it is not matched).
        const organisation = shown
          ? (released[i]!.organisation ?? '')
          : key || !isSealed(r.row.organisation_sealed)
            ? openSealedOrganisation(key, r.row.organisation_sealed, id)
            : '';
        (shown ? readable : hidden).push({
          id,
          organisation: organisation.toLowerCase(),
          processes: r.processes,
          incidents: r.incidents,
        });
      });
      const alerts: ParticipationAlert[] = [
        ...threatsBeforeRounds(readable, roundsOf(locals), incidents, input.weeks, input.lang),
        ...threatsBeforeRounds(hidden, roundsOf(every), incidentsSeen(true), input.weeks, input.lang),
        ...negotiations
          .filter((n, i) => negotiations.findIndex((m) => m.process === n.process) === i)
          .flatMap((n) =>
            belowQuotaTrend(
              String(n.id),
              n.parsed.quota.women,
              quotaRounds(n.parsed.rounds),
              input.lang,
              n.process,
            ),
          ),
        ...localMediatorsAttacked(locals, [...readable, ...hidden], incidents, input.lang),
      ];
      const names = new Map<string, string>([
        ...locals.map((l) => [l.id, l.name] as [string, string]),
        ...negotiations.map((n) => [String(n.id), n.process] as [string, string]),
      ]);
      // An alert on a participant the requester may not read in full stays (the risk is not
      // hidden) but says nothing of them: not who, not the process or round, not the incidents,
      // all of which the register withholds from this reader. One such alert per kind, so their
      // number says nothing either.
      const isWithheld = (a: ParticipationAlert) => a.participant !== null && withheld.has(a.participant);
      const shown = alerts.filter(
        (a, i) => !isWithheld(a) || alerts.findIndex((b) => isWithheld(b) && b.kind === a.kind) === i,
      );
      // Each incident an alert lists that is not public is a read of it: released with its groups
      // harmed where the requester may read it in full, withheld (listed without them) where not.
      const listed = new Set(
        shown.filter((a) => !isWithheld(a)).flatMap((a) => a.incidents.map((i) => i.id)),
      );
      await logReads(
        ctx,
        'incident',
        [...listed]
          .map((id) => byId.get(id)!)
          .filter((i) => i.sensitivity !== 'public')
          .map((i) => ({ id: i.id, sensitivity: i.sensitivity, granted: mayReadInFull(ctx.requester, i) })),
        'checkParticipation',
      );
      return {
        country: input.country,
        weeks: input.weeks,
        alerts: shown.map((a) =>
          isWithheld(a)
            ? {
                kind: a.kind,
                participant: null,
                process: '',
                round: null,
                message: WITHHELD_ALERT[input.lang ?? 'en'],
                incidents: [],
                processName: '',
                measures: catalog[a.kind],
              }
            : { ...a, processName: names.get(a.process) ?? a.process, measures: catalog[a.kind] },
        ),
      };
    },
  }),
};
