import { escapeRegExp } from '../../src/domain/whole-word.ts';

/**
 * Whether an actor's name already says the country it is shown for, so a heading need not add it:
 * ACLED and UCDP name many actors by their country ("Civilians (South Sudan)", "Military Forces of
 * South Sudan (2011-)", "Government of Central African Republic"). The country is looked for as
 * whole words, without a qualifier in brackets ("Orvania (fictional)" is found as "Orvania"), and
 * not as the end of a longer name: "Sudan" is not said by "Civilians (South Sudan)".
 */
export function nameSaysCountry(name: string, country: string): boolean {
  const bare = country.replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (!bare) return false;
  // Not after a capitalised word ("South" before "Sudan"), nor inside a word ("Orvanian").
  return new RegExp(`(?<![\\p{L}\\p{N}]|\\p{Lu}\\p{L}*\\s)${escapeRegExp(bare)}(?![\\p{L}\\p{N}])`, 'u').test(
    name,
  );
}
