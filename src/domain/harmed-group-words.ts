/**
 * The groups harmed as ACLED and a mission's incidents name them ("Women (South Sudan)"), in
 * French; a group outside the table keeps the source's words.
 */
const FRENCH_GROUPS: Readonly<Record<string, string>> = Object.assign(Object.create(null), {
  Civilians: 'Civils',
  Women: 'Femmes',
  Children: 'Enfants',
  Students: 'Étudiants',
  Teachers: 'Enseignants',
  Journalists: 'Journalistes',
  'Health Workers': 'Personnel de santé',
  'Aid Workers': 'Travailleurs humanitaires',
  'Refugees/IDPs': 'Réfugiés et déplacés',
  Farmers: 'Agriculteurs',
  Fishers: 'Pêcheurs',
  Prisoners: 'Détenus',
  'Government Officials': 'Agents de l’État',
  'Local Administrators': 'Administrateurs locaux',
  Lawyers: 'Avocats',
  Traders: 'Commerçants',
});

/** A harmed group's name in French ("Aid Workers" → "Travailleurs humanitaires"), if the table has it. */
export function groupInFrench(group: string): string | undefined {
  return FRENCH_GROUPS[group];
}
