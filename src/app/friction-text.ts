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
}

const en: FrictionText = {
  violenceWithoutProcess: (f) =>
    `${f.admin1}: ${f.events} events against civilians in ${f.from}..${f.to}, and no national process of ${f.country} had a round since ${f.since} (negotiation tracker) nor a local process there. Protection has no political track to lean on here.`,
};

const f = new LanguageFormat('fr');

const fr: FrictionText = {
  violenceWithoutProcess: (x) =>
    `${x.admin1} : ${counted(f, x.events, 'événement', 'événements')} contre des civils entre ${f.longMonth(x.from)} et ${f.longMonth(x.to)}, et aucun processus national de ${x.country} n’a tenu de cycle de pourparlers depuis ${f.longMonth(x.since)} (suivi des négociations), ni aucun processus local dans la zone. La protection n’y a aucune voie politique sur laquelle s’appuyer.`,
};

export const FRICTION_TEXT: Record<Language, FrictionText> = { en, fr: withFrenchSpacing(fr) };
