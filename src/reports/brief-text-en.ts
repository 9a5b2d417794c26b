import { counted, ENGLISH } from '../domain/language.ts';
import type { BriefText } from './brief-text.ts';

/** The brief's words in English. */
export const en: BriefText = {
  title: (scope, from, to) => `Joint analysis brief: ${scope}, ${from} to ${to}`,
  allCountries: 'all countries in the store',
  produced: (date) => `Produced on ${date} by Tandem.`,
  classification: {
    public: 'PUBLIC',
    internal: 'INTERNAL',
    restricted: 'RESTRICTED',
    'strictly-confidential': 'STRICTLY CONFIDENTIAL',
  },
  classificationNote: 'the highest sensitivity of the records counted in this brief',
  withheld: '(withheld)',
  sourcesTitle: 'Sources',
  colon: ':',
  semicolon: ';',
  population: (group) => group,
  headline: 'Headline figures',
  figure: 'figure',
  value: 'value',
  figures: {
    events: 'events',
    fatalities: 'fatalities',
    civilianFatalities: 'civilian fatalities',
    violentEvents: 'violent events (battles and armed conflict, remote violence, violence against civilians)',
    civilianTargeting: 'events targeting civilians',
    byState: '… of which by state forces',
    stateShare: 'state forces’ share of events targeting civilians',
    alerts: 'alerts',
  },
  partialMonth: (to, month, days, of) =>
    `The period ends on ${to}: its last month, ${month}, holds ${days} of its ${of} days, so that month's counts, and the trends that include it, read low beside whole months (alerts are tested on whole months, and may count days after the period).`,
  thinMonth: (month, events, usual) =>
    `${month} holds ${counted(ENGLISH, events, 'violent event', 'violent events')}, against about ${ENGLISH.num(usual)} a month in the six months before: the month has only begun, or the data stop early. Its counts, and every trend that ends with it (an area or actor "falling", "no area rose"), read low until the month is complete; compare whole months.`,
  partialFirstMonth: (from, month, days, of) =>
    `The period starts on ${from}: its first month, ${month}, holds ${days} of its ${of} days, so that month's counts read low beside whole months.`,
  partCivilianFatalities: (known, events) =>
    `Civilian fatalities count only the events whose source gives the figure (GED, the mission's incident reports): ${ENGLISH.num(known)} of ${counted(ENGLISH, events, 'event', 'events')}. The others' sources (ACLED, sheets without the figure) give none, so the period's civilian deaths are at least this figure; the rest are unknown.`,
  noCivilianFatalities: (sources) =>
    `Civilian fatalities: – because no source in scope${sources ? ` (${sources})` : ''} gives the figure.`,
  friction: (share) =>
    `State forces committed ${share} of the events targeting civilians: where the mission supports those forces, protecting civilians and working with the host state pull apart: the plan check lists each activity of a stored plan that supports them under Frictions below. Accountability for them must be weighed with the host state's consent; see the state forces table below.`,
  charts: {
    events: 'Events per month',
    fatalities: 'Fatalities per month',
    civilianTargeting: 'Events targeting civilians per month, all and by state forces',
    byViolenceType: 'Events per month by violence type',
    byPerpetrator: 'Events per month by the category of the first actor named',
    allPerpetrators: 'all perpetrators',
    stateForces: 'state forces',
    from: (first, last) => (first === last ? first : `${first} to ${last}`),
    eachMark: (months) => `each mark sums ${months} months`,
    peak: 'busiest month',
  },
  howCounted: 'How these figures were counted:',
  counted: {
    headline: (ged, overlapping) =>
      `every event of the period in scope is counted once, with its fatalities as the source gives them${overlapping ? ' (ACLED and UCDP GED record many of the same events, and Tandem does not match one source’s events with the other’s: an event both record is counted twice here, and where one source’s record begins later than the other’s, the rise and the new actors of its first months are the source beginning, not the violence; for totals and alerts, keep each source in a store of its own)' : ''}; civilian fatalities are added up only where the source gives the figure. The state share is the events targeting civilians whose first actor (the perpetrator) is a state force, over all events targeting civilians. The chart by category counts each event once, for its first actor: in fighting that is one side only${ged ? ' (UCDP names the government first in every clash, so there every battle falls to state forces)' : ''}; the perpetrators table below counts both sides.`,
    areas: (months) =>
      `events are counted per admin-1 area; an area's trend compares its last ${months} months with the ${months} months before.`,
    alerts:
      'each country, area and actor has a monthly count of violent events from the first month of data (the first six months are its first baseline: a rise within them is not tested, but a month with one event of 100 deaths or more is alerted from the first month); an alert is raised when that count rises and stays above the area’s or actor’s own baseline (see Method). Its evidence is the most lethal events of the area or actor between the start of the rise and the alarm. An alert is listed when its rise overlaps the period, so its alarm may come after the period ends (marked †): the test became sure only then.',
    perpetrators: (ged) =>
      `violent events (battles and armed conflict, remote violence, violence against civilians) are counted for the actors that perpetrated them, as the actor alerts count them: both sides of fighting${ged ? ' (UCDP names the government first in every clash)' : ''}, the attacker of other violence, and any armed actor named as acting with either (ACLED’s associated actors; groups of civilians named beside a side are not counted). A battle is counted, with its deaths and civilian deaths, for each side: the actors’ figures add up to more than the country’s. “Share of its events” is the share of the actor’s events that targeted civilians. A peace operation in fighting, on either side or beside one, is not counted for that battle (the order of a battle's actors does not say who attacked); its violence against civilians is.`,
    drivers: (events) =>
      `analysts' tags on events, and Tandem's word rules (data/drivers.yaml) run on the notes of the ${events} most recent events of the period. A tag is joint once a POC analyst and a political analyst both stand behind it.`,
    threats:
      'events targeting civilians are grouped by perpetrator, area and violence type, and split by the group they harmed (events naming none under “Civilians”); the threats are listed by risk, likelihood × severity (each 1–4), the highest first. Analysts’ decisions on each threat are shown beside it.',
  },
  hotspots: 'Hotspots',
  byLevel: 'By level: the areas with the most events in the period.',
  byChange: (months) =>
    `By change: the areas whose events rose most in the last ${months} months against the ${months} before.`,
  noRise: 'No area rose.',
  areaHead: ['area', 'country', 'events', 'fatalities', 'trend', 'events over the period'],
  changeHead: ['area', 'country', 'before', 'last months', 'change'],
  noAdmin1: '(no admin1)',
  alertsTitle: 'Escalation alerts',
  alertsGap: (country, runs) =>
    `Warning: the store holds no event of any kind for ${country} in ${runs.join('; ')}: a gap in the data (a source not imported for those months) or a time its sources record no violence (UCDP GED holds none in years without a conflict it counts). The alerts read those months as months without violence: if they are a gap, a baseline that includes them is too low and the rise after them may be no rise at all; import the missing months before relying on those alerts.`,
  alertsUntested: (country, dataFirst, testedFrom) =>
    `The store's record of ${country} begins in ${dataFirst}; a sustained rise, and an actor new to the country, can only be tested against six months of record, so none before ${testedFrom} could be found (only a month with one event of 100 deaths or more is alerted from the first month): no such alert there is no finding.`,
  gapRun: (first, last, months, pct) =>
    months > 1
      ? `${first} – ${last} (${months} months, after events in ${pct}% of the months before)`
      : `${first} (after events in ${pct}% of the months before)`,
  alertsIntro: (h, shift, window) =>
    `A sustained rise of violent events above the area's or actor's own baseline (negative-binomial CUSUM, threshold h = ${h}, looking for a ×${shift} rise over a ${window}-month baseline); for countries and areas also a sustained rise of deaths and a month with one event of 100 deaths or more, and actors new to the country that appear at scale. "Start" is the first month of the rise; "alarm" the month the test became sure. Baseline and observed are per month, in what the row counted: events or deaths. For a mass casualty the score is the deaths of the month's largest event, and the month may count fewer deaths than its baseline: a massacre in the middle of a deadlier war still raises an alert. The newest alarms come first.`,
  alertHead: [
    'level',
    'where / who',
    'counted',
    'start',
    'alarm',
    'baseline',
    'observed',
    'score',
    'evidence',
  ],
  alertLevel: { country: 'country', admin1: 'area', actor: 'actor' },
  alertWhat: {
    'escalation-events': 'violent events',
    'escalation-fatalities': 'deaths',
    'mass-casualty-fatalities': 'deaths (mass casualty)',
    'new-actor-events': 'violent events (new actor)',
  },
  noAlerts: 'No alerts in the period.',
  perpetrators: 'Perpetrators',
  stateApart: 'State forces, kept apart: accountability for them weighs against the host state’s consent.',
  noState: 'No state forces among the perpetrators.',
  others: (shown, all) =>
    shown === all ? `Other perpetrators (${all}).` : `Other perpetrators (the ${shown} largest of ${all}).`,
  none: 'None.',
  noTags: 'None.',
  perpHead: [
    'actor',
    'category',
    'events',
    'targeting civilians',
    'share of its events',
    'fatalities',
    'civilian fatalities',
    'main areas',
    'against',
    'trend',
    'events over the period',
  ],
  unknown: 'unknown',
  drivers: 'Drivers of violence',
  jointIntro: 'Joint findings: tags confirmed by a POC analyst and a political analyst.',
  jointHead: ['driver', 'joint tags', 'tagged events', 'evidence'],
  tagBy: (tag, where, analyst, confirmedBy) =>
    `tag ${tag} (${where}): by ${analyst}, confirmed by ${confirmedBy}`,
  areaTagsOnly: 'none (tagged on areas)',
  country: 'country',
  noJoint: 'No joint findings yet.',
  unconfirmedIntro:
    'Unconfirmed tags: one unit’s view, awaiting the other; a disputed tag is joint only once its dispute is settled.',
  disputedBy: (who, reason) => `; disputed by ${who}: “${reason}”`,
  unconfirmedHead: ['driver', 'unconfirmed tags', 'by'],
  unit: { poc: 'POC', political: 'political' },
  suggestionsIntro: (events) =>
    `Suggestions from event notes (rules of data/drivers.yaml, on the ${events} most recent events): hints for analysts, not findings.`,
  suggestionHead: ['driver', 'events', 'words that fired (examples)', 'evidence'],
  noSuggestion: 'No note fired a rule.',
  threats: 'Threats to civilians',
  threatHead: [
    'perpetrator',
    'state',
    'against',
    'violence',
    'area',
    'likelihood',
    'severity',
    'trend',
    'status',
    'events',
    'drivers',
    'evidence',
  ],
  yes: 'yes',
  noThreats: 'No threats in the period.',
  threatsShown: (shown, total, exact) =>
    `Listed: the ${shown} of highest risk (likelihood × severity) of ${exact ? 'the ' : 'at least '}${total} threats the data suggest; the others are left out.`,
  dismissed: (list) => `Dismissed by analysts: ${list}.`,
  inPlace: (who, where) => `${who} in ${where}`,
  method: 'Method',
  methodItems: (m) => [
    `Period ${m.from} to ${m.to}.`,
    `Alerts count violent events per month (battles and armed conflict, explosions and remote violence, violence against civilians): each event once for its country and area, and once for each actor that perpetrated it (either side of fighting; the attacker, not the target, of other violence); actors with at least ${m.minActorEvents} violent events are tested.`,
    `An alert's baseline is the mean of the ${m.window} months before the test began to gather evidence of the rise (which can be some months before the start shown: the start is the month from which a step up best explains the months up to the alarm); how much months vary is learnt from the ${m.dispersionWindow} months before it (around each ${m.block}-month block's own level) and widened for the uncertainty of the baseline. The test looks for a ×${m.shift} rise and raises the alarm when the accumulated evidence passes ${m.threshold}; the baseline is never taken below ${counted(ENGLISH, m.minBaseline, 'event', 'events')} a month, an area or actor needs ${m.minHistory} months of history before it is tested, and the baseline is refreshed after ${m.maxRun} months without alarm.`,
    'Trends compare the last months of the period with as many months before; a change counts as rising when it is a quarter or more, falling when it is a fifth or more (the same ratio either way), and in both cases more than chance would give one time in five (so 8 events after 6 is stable, 10 after 5 is rising). After months without such events, a trend is new only when the data hold none before them; otherwise it is returning.',
    'Civilian targeting is the source’s own field where it has one; UCDP GED, older ACLED exports and HXL sheets have none, and Tandem derives it (GED’s one-sided violence; elsewhere violence against civilians, or civilians as the second actor of a battle, explosion or riot or, in a sheet with no second actor, as the people harmed).',
    'A civilian fatality figure shows “–” where the source gives none (ACLED does not), never 0.',
  ],
  countryName: (name) => name,
  trend: {
    rising: 'rising',
    falling: 'falling',
    stable: 'stable',
    new: 'new',
    returning: 'returning',
    none: '–',
  },
  level: { low: 'low', medium: 'medium', high: 'high', 'very-high': 'very high' },
  status: { proposed: 'proposed', accepted: 'accepted', dismissed: 'dismissed' },
  violence: {
    battles: 'battles',
    'state-based-conflict': 'state-based armed conflict',
    'non-state-conflict': 'non-state armed conflict',
    'explosions-remote-violence': 'explosions and remote violence',
    'violence-against-civilians': 'violence against civilians',
    protests: 'protests',
    riots: 'riots',
    'strategic-developments': 'strategic developments',
  },
  category: {
    'state-forces': 'state forces',
    'rebel-group': 'rebel group',
    'political-militia': 'political militia',
    'identity-militia': 'identity militia',
    rioters: 'rioters',
    protesters: 'protesters',
    civilians: 'civilians',
    'external-forces': 'external forces',
    unknown: 'unknown',
  },
};
