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
  participantForm: {
    heading: 'Add a participant',
    intro:
      'Pseudonymous by default: the alias, the real name (only if it must be kept at all) and the organisation are stored encrypted, and the creation is recorded in the audit.',
    who: 'Who',
    alias: 'Alias',
    realName: 'Real name (optional)',
    role: 'Role',
    gender: 'Gender',
    genders: { female: 'Female', male: 'Male', other: 'Other', undisclosed: 'Undisclosed' },
    organisation: 'Group or organisation',
    where: 'Office and area',
    office: 'Office that follows them',
    country: 'Country',
    admin1: 'Admin-1 area',
    processes: 'Processes they take part in',
    negotiations: 'Negotiation processes',
    negotiationsWhat: 'the negotiation processes',
    locals: 'Local processes',
    localsWhat: 'the local processes',
    none: 'none stored',
    rounds: 'Rounds of {{name}} (none ticked: every round)',
    roundsWhat: 'the rounds',
    consentAndHandling: 'Consent and handling',
    consentGiven: 'Consent given',
    consentOn: 'Consent given on',
    sensitivity: 'Sensitivity',
    aboveOwn:
      'You are cleared for “{{clearance}}” records: filed as “{{level}}”, this record is withheld from you once added (you will not read it back or follow it up); those cleared for it, of its office, will.',
    sensitivities: {
      'strictly-confidential': 'Strictly confidential',
      restricted: 'Restricted',
      internal: 'Internal',
      public: 'Public',
    },
    submit: 'Add to the register',
    added: 'Participant {{id}} added to the register.',
    failed: 'Nothing was stored: {{message}}',
  },
  localPeople: {
    findingTargeted: 'Participants or mediators targeted',
    heading: 'Incidents and events touching its people',
    intro:
      'Incidents of the mission’s log linked to participants of the register who take part in it, and incidents or events naming its mediators or third parties, {{windowDays}} days either side of its date.',
    none: 'None in the window.',
    date: 'Date',
    record: 'Record',
    touches: 'Touches',
    what: 'What',
    incident: 'incident #{{id}}',
    event: 'event {{source}} {{sourceEventId}}',
    participant: 'participant {{who}}',
    participantWithheld: 'a participant (withheld)',
    mediator: 'mediator {{name}}',
    thirdParty: 'third party {{name}}',
    withheldProcesses_one:
      '{{count}} further local process is withheld from you (another office, or above your clearance).',
    withheldProcesses_other:
      '{{count}} further local processes are withheld from you (another office, or above your clearance).',
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
  local: local.en,
  participation: participation.en,
  exporting: exporting.en,
  access: {
    readOnly: 'Your account may read but not change the store.',
  },
};

export type Catalogue = typeof en;
