import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

/** Case, accents, punctuation and spacing set aside: how people retype a mission's name. */
function loose(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The stored mission name that `asked` means: itself when a plan of that name is stored; else the
 * one stored name that equals it loosely ("minusca" for "MINUSCA"), or that it begins at a word's
 * end ("MINUSCA" for "MINUSCA — Mission multidimensionnelle …"), or that holds it as whole words
 * ("UNSMO" for "UN Stabilization Mission in Orvania (UNSMO, fictional)"); else `asked` as written, so the
 * caller's "no plan stored" names what was asked. Plans are stored by the name their file gives.
 */
export async function storedMissionName(db: Kysely<Database>, asked: string): Promise<string> {
  const names = (await db.selectFrom('plan_versions').select('mission').distinct().execute()).map(
    (r) => r.mission,
  );
  if (names.includes(asked)) return asked;
  const want = loose(asked);
  if (!want) return asked;
  const same = names.filter((n) => loose(n) === want);
  if (same.length === 1) return same[0]!;
  const starting = names.filter((n) => loose(n).startsWith(`${want} `));
  if (starting.length === 1) return starting[0]!;
  // Its acronym anywhere in it, as whole words ("UNSMO" for "UN Stabilization Mission in Orvania
  // (UNSMO, fictional)"), when one stored name has it.
  const naming = names.filter((n) => ` ${loose(n)} `.includes(` ${want} `));
  return naming.length === 1 ? naming[0]! : asked;
}
