import { ofFrenchCountry } from '../domain/french-country-names.ts';
import type { FrictionDecision, FrictionStatus } from '../domain/friction.ts';
import { counted, type Language, LanguageFormat, withFrenchSpacing } from '../domain/language.ts';

/**
 * The sentence of the violence-without-process friction, per language (the plan's frictions are
 * said by the plan check's catalogue). English reads exactly as it always has (a contract).
 */
export interface FrictionText {
  violenceWithoutProcess: (f: {
    admin1: string;
    events: number;
    from: string;
    to: string;
    country: string;
    since: string;
  }) => string;
  /** A country whose negotiation tracker holds no process: the friction could not be looked for. */
  noProcessStored: (country: string) => string;
  /** No stored plan for the country (or none at all): the plan's frictions could not be looked for. */
  noPlanStored: (country: string | undefined) => string;
}

const en: FrictionText = {
  violenceWithoutProcess: (f) =>
    `${f.admin1}: ${f.events} events against civilians in ${f.from}..${f.to}, and no national process of ${f.country} had a round since ${f.since} (negotiation tracker) nor a local process there. Protection has no political track to lean on here.`,
  noProcessStored: (country) =>
    `The negotiation tracker holds no process of ${country}: whether violence against civilians runs high where no political process is active was not checked there (store the national process's rounds with tandem negotiation store, or on the Negotiations page).`,
  noPlanStored: (country) =>
    `No mission plan${country ? ` for ${country}` : ''} is stored: the frictions a plan can carry (support to state forces that harm civilians, resources promised twice, local processes cut off from the national one) were not looked for (store the plan with tandem plan import, or on the Plan page).`,
};

const f = new LanguageFormat('fr');

const fr: FrictionText = {
  violenceWithoutProcess: (x) =>
    `${x.admin1} : ${counted(f, x.events, 'événement', 'événements')} contre des civils entre ${f.longMonth(x.from)} et ${f.longMonth(x.to)}, et aucun processus national ${ofFrenchCountry(x.country)} n’a tenu de cycle de pourparlers depuis ${f.longMonth(x.since)} (suivi des négociations), ni aucun processus local dans la zone. La protection n’y a aucune voie politique sur laquelle s’appuyer.`,
  noProcessStored: (country) =>
    `Le suivi des négociations ne contient aucun processus ${ofFrenchCountry(country)} : la recherche d’une violence élevée contre les civils là où aucun processus politique n’est actif n’y a pas été faite (enregistrez les cycles du processus national avec tandem negotiation store, ou sur la page Négociations).`,
  noPlanStored: (country) =>
    `Aucun plan de mission${country ? ` ${ofFrenchCountry(country)}` : ''} n’est enregistré : les frictions qu’un plan peut porter (soutien à des forces de l’État qui s’en prennent aux civils, ressources promises deux fois, processus locaux coupés du processus national) n’ont pas été recherchées (enregistrez le plan avec tandem plan import, ou sur la page Plan).`,
};

export const FRICTION_TEXT: Record<Language, FrictionText> = { en, fr: withFrenchSpacing(fr) };

/**
 * A friction's decision and status as a French reader reads them (the brief's words); the codes
 * stay the contract's in JSON and in English. Each is taken back as input (friction-operations).
 */
export const FRICTION_VALUE_WORDS_FR = {
  decision: { accept: 'accepter', mitigate: 'atténuer', escalate: 'porter devant la direction' },
  status: { open: 'ouverte', 'in-progress': 'en cours', closed: 'close' },
} as const satisfies {
  decision: Record<FrictionDecision, string>;
  status: Record<FrictionStatus, string>;
};
