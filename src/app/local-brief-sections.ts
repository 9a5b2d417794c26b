import { highestSensitivity, type Sensitivity } from '../domain/sensitivity.ts';
import type { Section } from '../reports/brief-model.ts';
import type { BriefLanguage } from '../reports/brief-text.ts';
import { localProcessSection, participationSection } from '../reports/local-process-brief.ts';
import { localProcessOperations } from './local-process-operations.ts';
import type { AppContext } from './operation.ts';
import { participantOperations } from './participant-operations.ts';
import { participationCheckOperations } from './participation-check-operation.ts';

/**
 * The brief's sections on local processes and participation for a country's scope (none for a
 * brief across countries, or when the store holds neither). The register is read as the requester
 * may see it, and that read is audited like any other. Written in the brief's language. With the
 * highest sensitivity of the processes and people they count, for the brief's marking.
 */
export async function localBriefSections(
  ctx: AppContext,
  scope: { country: string | null; admin1: string | null },
  lang: BriefLanguage = 'en',
): Promise<{ sections: Section[]; sensitivity: Sensitivity }> {
  if (!scope.country) return { sections: [], sensitivity: 'public' };
  const country = scope.country;
  const check = await localProcessOperations.checkLocalProcesses.run(ctx, {
    country,
    storedPlan: true,
    radiusKm: 50,
    windowDays: 180,
    // The check's notes (what could not be counted, and why) are carried into the brief as written.
    lang,
  });
  const inScope = scope.admin1 ? check.processes.filter((p) => p.admin1 === scope.admin1) : check.processes;
  // The notes name processes by id: an admin-1 brief keeps those that name one of its processes,
  // or none at all (no event data for the country).
  const ids = new Set(inScope.map((p) => p.id));
  const notes = scope.admin1
    ? check.notes.filter(
        (n) => !check.processes.some((p) => n.includes(p.id)) || [...ids].some((id) => n.includes(id)),
      )
    : check.notes;
  const register = await participantOperations.listParticipants.run(ctx, { country });
  const people = scope.admin1
    ? register.participants.filter((p) => p.admin1 === scope.admin1)
    : register.participants;
  const alerts = people.length
    ? (await participationCheckOperations.checkParticipation.run(ctx, { country, weeks: 6 })).alerts
    : [];
  const today = new Date().toISOString().slice(0, 10);
  const sections = [
    localProcessSection({ ...check, processes: inScope, notes }, lang),
    participationSection({ participants: people, alerts }, today, lang),
  ].filter((s): s is Section => s !== null);
  // The brief counts these records, so its marking must cover the most sensitive of them.
  const levels = [...inScope.map((p) => p.sensitivity), ...people.map((p) => p.sensitivity)];
  return { sections, sensitivity: highestSensitivity(levels) };
}
