import type { Catalogue } from './en.ts';
import * as agreements from './pages/agreements.ts';
import * as analysts from './pages/analysts.ts';
import * as area from './pages/area.ts';
import * as brief from './pages/brief.ts';
import * as common from './pages/common.ts';
import * as exporting from './pages/exporting.ts';
import * as forecast from './pages/forecast.ts';
import * as frictions from './pages/frictions.ts';
import * as importing from './pages/importing.ts';
import * as incidents from './pages/incidents.ts';
import * as local from './pages/local.ts';
import * as maps from './pages/maps.ts';
import * as negotiations from './pages/negotiations.ts';
import * as overview from './pages/overview.ts';
import * as participation from './pages/participation.ts';
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
    countryEvents_one: '{{country, country}} ({{count, number}} événement)',
    countryEvents_other: '{{country, country}} ({{count, number}} événements)',
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
  participantForm: {
    heading: 'Ajouter un participant',
    intro:
      'Pseudonyme par défaut : le pseudonyme, le vrai nom (seulement s’il faut le garder) et l’organisation sont chiffrés, et la création est inscrite au journal d’audit.',
    who: 'Qui',
    alias: 'Pseudonyme',
    realName: 'Vrai nom (facultatif)',
    role: 'Rôle',
    gender: 'Genre',
    genders: { female: 'Femme', male: 'Homme', other: 'Autre', undisclosed: 'Non communiqué' },
    organisation: 'Groupe ou organisation',
    where: 'Bureau et zone',
    office: 'Bureau qui le suit',
    country: 'Pays',
    admin1: 'Zone admin-1',
    processes: 'Processus auxquels il ou elle prend part',
    negotiations: 'Processus de négociation',
    negotiationsWhat: 'les processus de négociation',
    locals: 'Processus locaux',
    localsWhat: 'les processus locaux',
    none: 'aucun enregistré',
    rounds: 'Sessions de {{name}} (aucune cochée : toutes)',
    roundsWhat: 'les sessions',
    consentAndHandling: 'Consentement et traitement',
    consentGiven: 'Consentement donné',
    consentOn: 'Consentement donné le',
    sensitivity: 'Sensibilité',
    aboveOwn:
      'Votre habilitation couvre les fiches « {{clearance}} » : classée « {{level}} », cette fiche ne vous sera plus communiquée une fois ajoutée (vous ne pourrez ni la relire ni la suivre) ; les personnes habilitées de son bureau le pourront.',
    sensitivities: {
      'strictly-confidential': 'Strictement confidentiel',
      restricted: 'Diffusion restreinte',
      internal: 'Usage interne',
      public: 'Public',
    },
    submit: 'Ajouter au registre',
    added: 'Participant {{id}} ajouté au registre.',
    failed: 'Rien n’a été enregistré : {{message}}',
  },
  localPeople: {
    findingTargeted: 'Participants ou médiateurs visés',
    heading: 'Incidents et événements touchant ses acteurs',
    intro:
      'Incidents du journal de la mission liés aux participants du registre qui y prennent part, et incidents ou événements nommant ses médiateurs ou tiers, {{windowDays}} jours de part et d’autre de sa date.',
    none: 'Aucun dans la fenêtre.',
    date: 'Date du fait',
    record: 'Fiche',
    touches: 'Touche',
    what: 'Nature',
    incident: 'incident n° {{id}}',
    event: 'événement {{source}} {{sourceEventId}}',
    participant: 'participant·e {{who}}',
    participantWithheld: 'un participant (masqué)',
    mediator: 'médiateur {{name}}',
    thirdParty: 'tiers {{name}}',
    withheldProcesses_one:
      '{{count}} autre processus local vous est masqué (autre bureau, ou au-dessus de votre habilitation).',
    withheldProcesses_other:
      '{{count}} autres processus locaux vous sont masqués (autre bureau, ou au-dessus de votre habilitation).',
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
  local: local.fr,
  participation: participation.fr,
  exporting: exporting.fr,
  access: {
    readOnly: 'Votre compte peut lire la base mais pas la modifier.',
  },
};
