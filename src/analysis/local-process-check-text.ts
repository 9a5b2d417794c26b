import { counted, ENGLISH, type Language, LanguageFormat, withFrenchSpacing } from '../domain/language.ts';

/**
 * The sentences of the local-process check, per language: each finding from its parameters, and
 * the method. English reads exactly as the check always has (a contract); French says the same.
 */
export interface LocalProcessCheckText {
  disconnect: (f: { name: string; planMission: string | null }) => string;
  breakingDown: (f: {
    name: string;
    parties: string[];
    after: number;
    before: number;
    date: string;
  }) => string;
  targeted: (f: { name: string; incidents: number; events: number; date: string }) => string;
  officeWithoutProcess: (f: { activity: string; office: string; areas: string[]; events: number }) => string;
  method: (windowDays: number, radiusKm: number) => string;
  /** What the check could not do: said beside the figures, so a missing count never reads as 0. */
  notes: {
    /** The store holds no events for the country: nothing around any process could be counted. */
    noEvents: (country: string) => string;
    /**
     * No event of the plan's period names a militia raised along community or political lines:
     * field activities without a local process could not be looked for.
     */
    noLocalViolence: (country: string) => string;
    /** Processes at (0, 0), a missing location: nothing around them could be counted. */
    noLocation: (ids: string[]) => string;
    /** Processes whose windows reach outside the period the country's events cover (first day, last day). */
    outsideDataPeriod: (ids: string[], first: string, last: string) => string;
  };
}

const en: LocalProcessCheckText = {
  disconnect: (f) =>
    `${f.name} has no link to the national process${f.planMission !== null ? ` and no objective of the plan ${f.planMission} ties it` : ''}: connect it to the national strategy, or record why it stands apart.`,
  breakingDown: (f) =>
    `Parties to ${f.name} (${f.parties.join(', ')}) were involved in ${f.after} ${f.after === 1 ? 'event' : 'events'} within the radius in the window after ${f.date}, against ${f.before} before.`,
  targeted: (f) =>
    `${counted(ENGLISH, f.incidents, 'incident', 'incidents')} of the mission's log and ${counted(ENGLISH, f.events, 'event', 'events')} touched participants, mediators or third parties of ${f.name} within the window around ${f.date}: look at their protection before the next meeting.`,
  officeWithoutProcess: (f) =>
    `Field activity ${f.activity} (office ${f.office}) works in ${f.areas.join(', ')}, where ${f.events} ${f.events === 1 ? 'event' : 'events'} involved local militias, but no local process is recorded there.`,
  method: (windowDays, radiusKm) =>
    `Events of the store whose first day lies in [date − ${windowDays} days, date − 1 day] (before) or [date + 1 day, date + ${windowDays} days] (after) and whose coordinates lie within ${radiusKm} km of the process (great circle, Earth radius 6371 km); events without coordinates are not counted.`,
  notes: {
    noLocalViolence: (country) =>
      `no event of ${country} in the plan's period names a militia raised along community or political lines (identity-militia, political-militia), so field activities without a local process could not be looked for; UCDP GED codes no such category: give its actors theirs with tandem actors periods, or import ACLED`,
    noEvents: (country) =>
      `no events for ${country} in the store: events and deaths before and after each local process could not be counted (import event data first)`,
    noLocation: (ids) =>
      `local processes with no usable location (coordinates 0, 0: a missing location, not a place), so events and deaths around them could not be counted: ${ids.join(', ')}`,
    outsideDataPeriod: (ids, first, last) =>
      `local processes whose window before or after reaches outside the period of the event data (${first} to ${last}), so events and deaths before and after them could not be compared (a shorter window, --window-days or windowDays, may fit in it): ${ids.join(', ')}`,
  },
};

const f = new LanguageFormat('fr');

const fr: LocalProcessCheckText = {
  disconnect: (x) =>
    `Le processus « ${x.name} » n’a aucun lien avec le processus national${x.planMission !== null ? ` et aucun objectif du plan ${x.planMission} ne s’y rattache` : ''} : reliez-le à la stratégie nationale, ou notez pourquoi il reste à part.`,
  breakingDown: (x) =>
    `Les parties au processus « ${x.name} » (${x.parties.join(', ')}) ont été impliquées dans ${counted(f, x.after, 'événement', 'événements')} dans le rayon au cours de la période suivant le ${f.day(x.date)}, contre ${f.num(x.before)} avant.`,
  targeted: (x) =>
    `${counted(f, x.incidents, 'incident du registre de la mission', 'incidents du registre de la mission')} et ${counted(f, x.events, 'événement', 'événements')} ont touché des participants, médiateurs ou tiers du processus « ${x.name} » dans la période entourant le ${f.day(x.date)} : examinez leur protection avant la prochaine réunion.`,
  officeWithoutProcess: (x) =>
    `L’activité de terrain ${x.activity} (bureau ${x.office}) couvre ${x.areas.join(', ')}, où ${counted(f, x.events, 'événement a impliqué', 'événements ont impliqué')} des milices locales, mais aucun processus local n’y est enregistré.`,
  method: (windowDays, radiusKm) =>
    `Événements de la base dont le premier jour tombe dans [date − ${counted(f, windowDays, 'jour', 'jours')}, date − 1 jour] (avant) ou [date + 1 jour, date + ${counted(f, windowDays, 'jour', 'jours')}] (après) et dont les coordonnées se trouvent à moins de ${f.num(radiusKm)} km du processus (orthodromie, rayon terrestre de ${f.num(6371)} km) ; les événements sans coordonnées ne sont pas comptés.`,
  notes: {
    noLocalViolence: (country) =>
      `aucun événement de ${country} sur la période du plan ne nomme de milice constituée sur une base communautaire ou politique (identity-militia, political-militia) : les activités de terrain sans processus local n’ont pas pu être recherchées ; l’UCDP GED ne code pas ces catégories : donnez-les à ses acteurs avec tandem actors periods, ou importez ACLED`,
    noEvents: (country) =>
      `aucun événement pour ${country} dans la base : les événements et les morts avant et après chaque processus local n’ont pas pu être comptés (importez d’abord des données d’événements)`,
    noLocation: (ids) =>
      `processus locaux sans emplacement utilisable (coordonnées 0, 0 : un emplacement manquant, pas un lieu), si bien que les événements et les morts alentour n’ont pas pu être comptés : ${ids.join(', ')}`,
    outsideDataPeriod: (ids, first, last) =>
      `processus locaux dont la période avant ou après sort de la période couverte par les données d’événements (du ${f.day(first)} au ${f.day(last)}), si bien que les événements et les morts avant et après n’ont pas pu être comparés (une période plus courte, --window-days ou windowDays, peut y tenir) : ${ids.join(', ')}`,
  },
};

export const LOCAL_PROCESS_CHECK_TEXT: Record<Language, LocalProcessCheckText> = {
  en,
  fr: withFrenchSpacing(fr),
};
