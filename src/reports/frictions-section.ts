import type { Friction } from '../domain/friction.ts';
import type { Section } from './brief-model.ts';
import { BriefFormat, type BriefLanguage } from './brief-text.ts';
import { codeWord, EXTRA_BRIEF_TEXT } from './extra-brief-text.ts';

/**
 * The brief's friction register: each friction found or registered in the scope, with its owner,
 * the decision and who took it, so leadership reads what is being done about each.
 */
export function frictionsSection(
  frictions: readonly Friction[],
  lang: BriefLanguage = 'en',
  notes: readonly string[] = [],
): Section {
  const t = EXTRA_BRIEF_TEXT[lang].frictions;
  const f = new BriefFormat(lang);
  return {
    title: t.title,
    blocks: [
      { kind: 'p', text: t.intro },
      frictions.length
        ? {
            kind: 'table',
            head: t.head,
            rows: frictions.map((x) => [
              x.ref,
              codeWord(t.kind, x.kind),
              // The check's own sentence, in the brief's language: an activity's id alone
              // ("a-fao-support") told a reader nothing of what was found.
              x.message || x.subject,
              x.owner,
              x.decision ? codeWord(t.decision, x.decision) : t.notDecided,
              x.decidedBy ?? '',
              t.status[x.status] ?? x.status,
              x.reviewDate ? f.day(x.reviewDate) : '',
              x.found ? t.yes : t.no,
            ]),
          }
        : { kind: 'p', text: t.none },
      // Why each was decided as it was, and what is asked of leadership: the register's note
      // (joint-work probe: the brief said "escalate to leadership" and never why).
      ...frictions
        .filter((x) => x.note.trim())
        .map((x) => ({ kind: 'p' as const, text: t.noteOn(x.ref, x.note.trim()) })),
      // What could not be looked for (a country whose negotiation tracker holds no process).
      ...notes.map((text) => ({ kind: 'p' as const, text })),
      { kind: 'counted', text: t.counted },
    ],
  };
}
