import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ViolenceType } from '../domain/violence-type.ts';
import { violenceTypeOfWords } from './partner-event-words.ts';

const CASES: [string, ViolenceType | undefined][] = [
  // The sources' own names.
  ['Violence against civilians', 'violence-against-civilians'],
  ['Battles', 'battles'],
  // The mission's own incident categories, as its log and exports write them.
  ['killing', 'violence-against-civilians'],
  ['injury', 'violence-against-civilians'],
  ['forced-displacement', 'violence-against-civilians'],
  ['recruitment-or-use-of-children', 'violence-against-civilians'],
  ['attack-on-humanitarian-workers', 'violence-against-civilians'],
  ['attack-on-peacekeepers', 'battles'],
  ['threat-or-intimidation', 'strategic-developments'],
  ['armed-clash', 'battles'],
  // A French incident log (MINUSCA-style).
  ['Exécution sommaire', 'violence-against-civilians'],
  ['Exécution extrajudiciaire', 'violence-against-civilians'],
  ['Tuerie', 'violence-against-civilians'],
  ["Recrutement d'enfants", 'violence-against-civilians'],
  ['Mouvement de population', 'violence-against-civilians'],
  ['Déplacement forcé', 'violence-against-civilians'],
  ['Violence basée sur le genre', 'violence-against-civilians'],
  ['VBG', 'violence-against-civilians'],
  ['Torture', 'violence-against-civilians'],
  ['Braquage', 'violence-against-civilians'],
  ['Mariage forcé', 'violence-against-civilians'],
  ['Travail forcé', 'violence-against-civilians'],
  ['Détention illégale', 'violence-against-civilians'],
  ['Blessure par balle', 'violence-against-civilians'],
  ['Prise d’otages', 'violence-against-civilians'],
  ['Menaces', 'strategic-developments'],
  ['Tirs de sommation', 'strategic-developments'],
  ['Menaces et meurtre', 'violence-against-civilians'],
  ['Attaque contre les casques bleus', 'battles'],
  ['Attaque contre des humanitaires', 'violence-against-civilians'],
  ['Attaque armée', 'battles'],
  ['Embuscade', 'battles'],
  ['Affrontements', 'battles'],
  ['Échange de tirs', 'battles'],
  ['Explosion d’engin explosif improvisé', 'explosions-remote-violence'],
  ['Vol de bétail', 'strategic-developments'],
  ['Vol de bétail avec meurtre', 'violence-against-civilians'],
  ['Destruction de biens', 'strategic-developments'],
  ['Arrestation arbitraire', 'strategic-developments'],
  ['Vindicte populaire', 'riots'],
  ['Grève', 'protests'],
  ['Déplacement de troupes', undefined],
  // An English one.
  ['Summary execution', 'violence-against-civilians'],
  ['Child recruitment', 'violence-against-civilians'],
  ['Forced displacement', 'violence-against-civilians'],
  ['Gender-based violence', 'violence-against-civilians'],
  ['SGBV', 'violence-against-civilians'],
  ['Armed robbery', 'violence-against-civilians'],
  ['Attack on peacekeepers', 'battles'],
  ['Attack on aid workers', 'violence-against-civilians'],
  // "Attack" alone as "Attaque" alone: an attack by armed men, in either language.
  ['Attaque', 'battles'],
  ['Attack', 'battles'],
  ['Armed attack', 'battles'],
  ['Attacks on civilians', 'violence-against-civilians'],
  ['Burning of houses', 'violence-against-civilians'],
  ['Threats', 'strategic-developments'],
  ['Cattle raiding', 'violence-against-civilians'],
  ['Extrajudicial killing', 'violence-against-civilians'],
  ['Shelling', 'explosions-remote-violence'],
  ['Landmine', 'explosions-remote-violence'],
  ['Airstrike', 'explosions-remote-violence'],
  ['Ambush', 'battles'],
  ['Clash, two soldiers wounded', 'battles'],
  ['Famine', undefined],
  ['Rumour', undefined],
];

test('partners’ and missions’ names for kinds of event, in English and French, take the violence type they say', () => {
  const wrong = CASES.map(([words, want]) => [words, want, violenceTypeOfWords(words)]).filter(
    ([, want, got]) => want !== got,
  );
  assert.deepEqual(wrong, []);
});
