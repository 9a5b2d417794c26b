import type { Cell, Section } from './brief-model.ts';
import { citeWithSources } from './brief-sources.ts';
import type { BriefLanguage } from './brief-text.ts';
import { codeWord, EXTRA_BRIEF_TEXT } from './extra-brief-text.ts';

/** An event as the check gives it: named, as everywhere in the brief, by its source's own id. */
interface CitedEvidence {
  id: number;
  source: string;
  sourceEventId: string;
}

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
    before: { events: number; fatalities: number; evidence: CitedEvidence[] };
    after: { events: number; fatalities: number; evidence: CitedEvidence[] };
    /** A breaking-down finding carries the parties and their events before and after. */
    findings: { kind: string; message?: string; parties?: string[]; before?: number; after?: number }[];
    /** Why before/after are not counts (then never shown as figures); null when they are. */
    countsUnavailable?: string | null;
    /** The country as the source writes it, and whether it is listed under each it names. */
    country?: string;
    crossBorder?: boolean;
  }[];
  officeFindings: {
    kind: string;
    activity: string;
    office: string;
    areas: string[];
    evidence: CitedEvidence[];
  }[];
  /** Processes the reader may not know of (another office's, or above their clearance). */
  withheld?: number;
  /** What the check could not count, and why (the check's notes, in the brief's language). */
  notes?: string[];
}

/**
 * The brief's section on local processes (recommendation 8): how many, how many disconnected from
 * the national process, those where violence rose after their date, and each finding with its
 * events. Null when the scope holds no local process, so briefs without any are unchanged.
 */
export function localProcessSection(check: LocalBriefInput, lang: BriefLanguage = 'en'): Section | null {
  if (!check.processes.length) return null;
  const t = EXTRA_BRIEF_TEXT[lang].local;
  const disconnected = check.processes.filter((p) =>
    p.findings.some((f) => f.kind === 'local-national-disconnect'),
  );
  const breaking = check.processes.filter((p) => p.findings.some((f) => f.kind === 'breaking-down'));
  const targeted = check.processes.filter((p) =>
    p.findings.some((f) => f.kind === 'participants-or-mediators-targeted'),
  );
  // A process whose counts could not be made is never a row of figures: its 0 and 0 are not counts.
  const counted = check.processes.filter((p) => !p.countsUnavailable);
  const uncounted = check.processes.length - counted.length;
  const rising = [...counted]
    .filter((p) => p.after.events > p.before.events)
    .sort((a, b) => b.after.events - b.before.events - (a.after.events - a.before.events))
    .slice(0, 10);
  const rows: Cell[][] = rising.map((p) => [
    p.crossBorder ? `${p.name}${t.crossBorder(p.country ?? '')}` : p.name,
    t.date(p.date),
    p.admin1 || '–',
    t.status[p.status] ?? p.status,
    p.before.events,
    p.after.events,
    p.after.fatalities,
    citeWithSources(lang, p.after.evidence),
  ]);
  return {
    title: t.title,
    blocks: [
      {
        kind: 'p',
        text: t.summary({
          all: check.processes.length,
          withheld: check.withheld ?? 0,
          disconnected: disconnected.length,
          breaking: breaking.length,
          noOffice: check.processes.filter((p) => !p.office).length,
        }),
      },
      ...(rows.length
        ? [
            { kind: 'p' as const, text: t.risingIntro(rising.length) },
            { kind: 'table' as const, head: t.head, rows },
          ]
        : !counted.length
          ? []
          : [{ kind: 'p' as const, text: uncounted ? t.noRiseOfCounted(counted.length) : t.noRise }]),
      ...(uncounted || check.notes?.length
        ? [
            ...(uncounted
              ? [{ kind: 'p' as const, text: t.uncounted({ uncounted, all: check.processes.length }) }]
              : []),
            ...(check.notes?.length ? [{ kind: 'list' as const, items: check.notes }] : []),
          ]
        : []),
      ...(breaking.length || targeted.length || check.officeFindings.length
        ? [
            {
              kind: 'list' as const,
              items: [
                ...breaking.flatMap((p) =>
                  p.findings
                    .filter((f) => f.kind === 'breaking-down')
                    .map((f) =>
                      t.breakingDown({
                        name: p.name,
                        date: p.date,
                        status: p.status,
                        parties: f.parties ?? [],
                        before: f.before ?? 0,
                        after: f.after ?? 0,
                      }),
                    ),
                ),
                // The people of a process harmed or threatened: the finding a field office acts on.
                ...targeted.flatMap((p) =>
                  p.findings.flatMap((f) =>
                    f.kind === 'participants-or-mediators-targeted' && f.message ? [f.message] : [],
                  ),
                ),
                ...check.officeFindings.map((f) =>
                  t.office({ ...f, events: f.evidence.length, ids: citeWithSources(lang, f.evidence) }),
                ),
              ],
            },
          ]
        : []),
      { kind: 'counted', text: t.counted(check.radiusKm, check.windowDays) },
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
export function participationSection(
  p: ParticipationBriefInput,
  today: string,
  lang: BriefLanguage = 'en',
): Section | null {
  if (!p.participants.length) return null;
  const t = EXTRA_BRIEF_TEXT[lang].participation;
  const kinds = ['threat-before-round', 'below-quota-trend', 'local-mediators-attacked'];
  const due = p.participants
    .flatMap((x) => x.measures ?? [])
    .filter((m) => m.status !== 'closed' && m.reviewOn && m.reviewOn <= today).length;
  return {
    title: t.title,
    blocks: [
      {
        kind: 'p',
        text: t.summary(p.participants.length, p.participants.filter((x) => x.withheld).length, due),
      },
      {
        kind: 'table',
        head: t.head,
        rows: kinds.map((k) => {
          const list = p.alerts.filter((a) => a.kind === k);
          const incidents = [...new Set(list.flatMap((a) => a.incidents.map((i) => `#${i.id}`)))];
          return [codeWord(t.alert, k), list.length, incidents.join(', ') || '–'];
        }),
      },
      { kind: 'counted', text: t.counted },
    ],
  };
}
