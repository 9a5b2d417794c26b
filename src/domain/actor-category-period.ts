import type { ActorCategory } from './actor-category.ts';

/**
 * An actor's category for a period of time. Actors change kind: mutinous soldiers become an armed
 * opposition, a rebel movement is folded into the army after an agreement. A source codes each
 * event as it saw it then, or not at all (ACLED keeps "Mutiny of Military Forces of South Sudan"
 * as state forces for as long as it keeps that name). The register's dated categories say what
 * the actor was between two dates, and an event takes the category of its first day.
 */
export interface ActorCategoryPeriod {
  actor: string;
  category: ActorCategory;
  /** First day, YYYY-MM-DD; '' when the period reaches back to the actor's first event. */
  from: string;
  /** Last day, YYYY-MM-DD; '' when the period is still open. */
  until: string;
  /** Why: the evidence for the change (events, names, sources). */
  note: string;
}

/** Whether `date` (YYYY-MM-DD) falls within the period, both ends included. */
export function periodHolds(p: Pick<ActorCategoryPeriod, 'from' | 'until'>, date: string): boolean {
  return (p.from === '' || date >= p.from) && (p.until === '' || date <= p.until);
}

/** The category an actor had on `date`, or undefined when none of its periods holds then. */
export function categoryOn(periods: readonly ActorCategoryPeriod[], date: string): ActorCategory | undefined {
  return periods.find((p) => periodHolds(p, date))?.category;
}

/**
 * What is wrong with one actor's periods, in words: a period that ends before it starts, two
 * periods that overlap (an event would have two categories). Empty when they are sound.
 */
export function periodProblems(periods: readonly ActorCategoryPeriod[]): string[] {
  const problems: string[] = [];
  for (const p of periods) {
    if (p.from && p.until && p.until < p.from)
      problems.push(`${p.actor}: the period from ${p.from} ends before it starts (until ${p.until})`);
  }
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]!;
    const next = sorted[i]!;
    if (before.until === '' || next.from === '' || next.from <= before.until)
      problems.push(
        `${next.actor}: the period ${describe(before)} overlaps the period ${describe(next)}; an event would have two categories`,
      );
  }
  return problems;
}

function describe(p: ActorCategoryPeriod): string {
  return `${p.from || 'since the start'} – ${p.until || 'open'} (${p.category})`;
}

/** The period that holds last, open or ending latest: the actor's category today. */
export function latestPeriod(periods: readonly ActorCategoryPeriod[]): ActorCategoryPeriod | undefined {
  return [...periods].sort((a, b) => (a.until || '9999').localeCompare(b.until || '9999')).at(-1);
}
