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
/** The workbench's words in English: the catalogue every other language must match key for key. */
export const en = {
  nav: {
    label: 'Pages',
    overview: 'Overview',
    plan: 'Plan',
    agreements: 'Agreements',
    negotiations: 'Negotiations',
    incidents: 'Incidents',
    local: 'Local processes',
    participation: 'Participation',
    frictions: 'Frictions',
    import: 'Import',
    problems: 'Set aside',
    menu: 'Menu',
    brief: 'Brief',
  },
  shell: {
    skip: 'Skip to content',
    tagline: 'POC and political work, one body of evidence',
    signOut: 'Sign out',
    country: 'Country',
    countryEvents_one: '{{country}} ({{count, number}} event)',
    countryEvents_other: '{{country}} ({{count, number}} events)',
    language: 'Language',
    fiction:
      "Orvania, its regions, armed groups, plan, draft agreement and talks are invented by Tandem's demonstration model. Import your own ACLED or UCDP files on the Import page.",
    fictionTitle: 'Demonstration mission — fictional.',
    storeContents: 'the store’s contents',
    thePage: 'the page',
    chooseArea: 'Choose an area on the overview’s map or table.',
    noEvents: 'No events yet',
    emptyStore: 'The store is empty.',
    importFile: 'Import an ACLED, UCDP GED or HXL file',
    orRun: ', or run',
    orStart: ', or start with',
    toLoadDemo: 'to load the fictional demonstration mission.',
  },
  common: common.en,
  overview: overview.en,
  forecast: forecast.en,
  area: area.en,
  agreements: agreements.en,
  plan: plan.en,
  incidents: incidents.en,
  importing: importing.en,
  brief: brief.en,
  frictions: frictions.en,
  negotiations: negotiations.en,
  problems: problems.en,
  records: records.en,
  maps: maps.en,
  analysts: analysts.en,
};

export type Catalogue = typeof en;
