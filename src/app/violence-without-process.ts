import type { Kysely } from 'kysely';
import { readNegotiationProcess } from '../agreements/negotiation-process.ts';
import { readAreaMonths } from '../analysis/analysis-queries.ts';
import { addMonths } from '../analysis/months.ts';
import { foldAreaName } from '../domain/area-names.ts';
import type { FrictionFinding } from '../domain/friction.ts';
import type { Language } from '../domain/language.ts';
import { meetingsOf } from '../domain/local-process.ts';
import { InvalidDocumentError, StructuredDocument } from '../sources/structured-document.ts';
import { findLocalProcesses } from '../store/local-process-repository.ts';
import type { Database } from '../store/schema.ts';
import { releaseLocalProcesses } from './access-control.ts';
import { FRICTION_TEXT } from './friction-text.ts';
import type { AppContext } from './operation.ts';

/**
 * The paper's third friction, high violence against civilians where no political process is
 * active, as the friction register finds it: the national processes the negotiation tracker holds,
 * the local processes of each area, and the areas' events against civilians.
 */

/** Events against civilians in the last six months of an area's record that make its violence high. */
export const HIGH_VIOLENCE_EVENTS = 10;
/** A national process is active when one of its rounds began within this many months of the data's end (or later). */
export const ACTIVE_PROCESS_MONTHS = 12;

/** The dates of a stored process's rounds; a process stored before the reader refused more is still read. */
function storedRoundStarts(r: { source_text: string; file_name: string }): {
  process: string;
  starts: string[];
} {
  try {
    const p = readNegotiationProcess(r.source_text, r.file_name);
    return { process: p.process, starts: p.rounds.map((round) => round.start) };
  } catch (e) {
    if (!(e instanceof InvalidDocumentError)) throw e;
    // Stored processes were valid when stored: what was refused since (a delegation whose counts
    // and members disagree, a file that was not UTF-8) does not change when the rounds began.
    const value = StructuredDocument.parse(r.source_text, r.file_name).value as {
      process?: unknown;
      rounds?: { start?: unknown }[];
    };
    const starts = (Array.isArray(value.rounds) ? value.rounds : [])
      .map((round) => String(round?.start ?? ''))
      .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
    return { process: String(value.process ?? r.file_name), starts };
  }
}

/**
 * Admin-1 areas of a country (folded spellings, foldAreaName) where a local process (a community
 * dialogue, a local agreement) is active at `month`: not broken, and met (or was signed) within
 * ACTIVE_PROCESS_MONTHS of it, or later, as a national process's rounds count. Only the processes
 * the requester may know of count (releaseLocalProcesses, which logs the reads): a confidential
 * dialogue does not silence a friction for those who may not know it exists.
 */
export async function activeLocalProcessAreas(
  ctx: AppContext,
  country: string,
  month: string,
): Promise<Set<string>> {
  const { released } = await releaseLocalProcesses(
    ctx,
    await findLocalProcesses(ctx.store.db, { country }),
    'violence-without-process friction',
  );
  const since = addMonths(month, -ACTIVE_PROCESS_MONTHS);
  const areas = new Set<string>();
  for (const p of released) {
    if (p.status === 'broken' || !p.admin1) continue;
    if (meetingsOf(p).some((m) => m.date.slice(0, 7) >= since)) areas.add(foldAreaName(p.admin1));
  }
  return areas;
}

/**
 * The national processes the tracker holds for the country (`stored`), and the first of them that
 * had a round within ACTIVE_PROCESS_MONTHS of `month`, or later (`active`, null when none).
 */
async function nationalProcesses(
  db: Kysely<Database>,
  country: string,
  month: string,
): Promise<{ stored: boolean; active: string | null }> {
  const rows = await db
    .selectFrom('negotiation_processes')
    .select(['process', 'source_text', 'file_name'])
    .where('country', '=', country)
    .execute();
  const since = addMonths(month, -ACTIVE_PROCESS_MONTHS);
  for (const r of rows) {
    const p = storedRoundStarts(r);
    if (p.starts.some((start) => start.slice(0, 7) >= since)) return { stored: true, active: p.process };
  }
  return { stored: rows.length > 0, active: null };
}

/**
 * High violence against civilians where no political process is active (the paper's third
 * friction): an admin-1 area with at least HIGH_VIOLENCE_EVENTS events against civilians in the
 * last six months of its country's data, in a country with no national process active then (the
 * negotiation tracker) and no local process in the area (activeLocalProcessAreas).
 */
export async function violenceWithoutProcess(
  ctx: AppContext,
  country?: string,
  lang: Language = 'en',
): Promise<{ found: FrictionFinding[]; notes: string[] }> {
  const db = ctx.store.db;
  const months = await readAreaMonths(db, { country }, '9999-12');
  const last = new Map<string, string>();
  for (const m of months) if ((last.get(m.country) ?? '') < m.month) last.set(m.country, m.month);
  const out: FrictionFinding[] = [];
  const notes: string[] = [];
  for (const [c, lastMonth] of [...last].sort((a, b) => a[0].localeCompare(b[0]))) {
    const processes = await nationalProcesses(db, c, lastMonth);
    // A tracker that holds no process of the country says nothing of its talks: the friction
    // would claim that none had a round, which the store does not know.
    if (!processes.stored) {
      notes.push(FRICTION_TEXT[lang].noProcessStored(c));
      continue;
    }
    if (processes.active) continue;
    const local = await activeLocalProcessAreas(ctx, c, lastMonth);
    const from = addMonths(lastMonth, -5);
    const byArea = new Map<string, number>();
    for (const m of months)
      if (m.country === c && m.admin1 && m.month >= from)
        byArea.set(m.admin1, (byArea.get(m.admin1) ?? 0) + m.civilianTargetingEvents);
    for (const [admin1, n] of [...byArea].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
      if (n < HIGH_VIOLENCE_EVENTS || local.has(foldAreaName(admin1))) continue;
      out.push({
        country: c,
        kind: 'violence-without-process',
        subject: admin1,
        message: FRICTION_TEXT[lang].violenceWithoutProcess({
          admin1,
          events: n,
          from,
          to: lastMonth,
          country: c,
          since: addMonths(lastMonth, -ACTIVE_PROCESS_MONTHS),
        }),
        evidence: [{ type: 'measure', name: 'civilian-targeting events, last six months', value: n }],
      });
    }
  }
  return { found: out, notes };
}
