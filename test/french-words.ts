import assert from 'node:assert/strict';

/** English words French never writes; a French sentence holding one has English left in it. */
const ENGLISH = new Set(
  'the and of in with which was were has have is are before after against since no not its their them events event deaths round rounds objective activity field office share women below by to for from at'.split(
    ' ',
  ),
);

export function englishIn(text: string): string[] {
  return text.split(/[^\p{L}]+/u).filter((w) => ENGLISH.has(w.toLowerCase()));
}

/** A French sentence: no English word, a no-break space before ; : ? ! and no ISO month or day. */
export function assertFrench(text: string, where: string, opts: { isoDates?: boolean } = {}): void {
  // What is quoted « … » is the planner's own words, in whatever language the plan is written.
  // Nor is a file's path (a random temporary folder spelt "…6iS60i" read as "is").
  const prose = text.replace(/«[^»]*»/g, '').replace(/\S*\/\S*/g, '');
  assert.deepEqual(englishIn(prose), [], `${where}: English left in «${text}»`);
  assert.doesNotMatch(text, / [;:?!]/, `${where}: an ordinary space before a high sign in «${text}»`);
  if (!opts.isoDates) assert.doesNotMatch(text, /\b\d{4}-\d{2}\b/, `${where}: an ISO date in «${text}»`);
}
