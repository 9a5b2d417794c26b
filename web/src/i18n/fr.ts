import type { Catalogue } from './en.ts';
import * as agreements from './pages/agreements.ts';
import * as analysts from './pages/analysts.ts';
import * as area from './pages/area.ts';
import * as brief from './pages/brief.ts';
import * as common from './pages/common.ts';
import * as forecast from './pages/forecast.ts';
import * as frictions from './pages/frictions.ts';
import * as importing from './pages/importing.ts';
import * as incidents from './pages/incidents.ts';
import * as maps from './pages/maps.ts';
import * as negotiations from './pages/negotiations.ts';
import * as overview from './pages/overview.ts';
import * as plan from './pages/plan.ts';
import * as problems from './pages/problems.ts';
import * as records from './pages/records.ts';

/** The workbench's words in French: the same keys as the English catalogue (the type says so). */
export const fr: Catalogue = {
  nav: {
    label: 'Pages',
    overview: 'Vue d’ensemble',
    plan: 'Plan',
    agreements: 'Accords',
    negotiations: 'Négociations',
    incidents: 'Incidents',
    local: 'Processus locaux',
    participation: 'Participation',
    frictions: 'Frictions',
    import: 'Importer',
    problems: 'Lignes écartées',
    menu: 'Menu',
    brief: 'Note',
  },
  shell: {
    skip: 'Aller au contenu',
    tagline: 'Protection des civils et affaires politiques, sur une même base de preuves',
    signOut: 'Se déconnecter',
    country: 'Pays',
    countryEvents_one: '{{country}} ({{count, number}} événement)',
    countryEvents_other: '{{country}} ({{count, number}} événements)',
    language: 'Langue',
    fiction:
      'L’Orvanie, ses régions, ses groupes armés, son plan, son projet d’accord et ses négociations sont inventés par le modèle de démonstration de Tandem. Importez vos propres fichiers ACLED ou UCDP depuis la page Importer.',
    fictionTitle: 'Mission de démonstration — fictive.',
    storeContents: 'le contenu de la base',
    thePage: 'la page',
    chooseArea: 'Choisissez une zone sur la carte ou dans le tableau de la vue d’ensemble.',
    noEvents: 'Pas encore d’événements',
    emptyStore: 'La base est vide.',
    importFile: 'Importez un fichier ACLED, UCDP GED ou HXL',
    orRun: ', ou lancez',
    orStart: ', ou démarrez avec',
    toLoadDemo: 'pour charger la mission de démonstration fictive.',
  },
  common: common.fr,
  overview: overview.fr,
  forecast: forecast.fr,
  area: area.fr,
  agreements: agreements.fr,
  plan: plan.fr,
  incidents: incidents.fr,
  importing: importing.fr,
  brief: brief.fr,
  frictions: frictions.fr,
  negotiations: negotiations.fr,
  problems: problems.fr,
  records: records.fr,
  maps: maps.fr,
  analysts: analysts.fr,
};
