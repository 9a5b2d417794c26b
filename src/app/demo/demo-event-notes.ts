/**
 * The notes of a thread's events of one sub-type; `{town}` is the event's place. An event's note is
 * drawn from `noDeaths` when it counts no death, from `deaths` when it counts one or more, so a note
 * never tells of a killing the event does not count, nor stays silent on one it does. `deaths` is
 * there exactly when the thread's events of that sub-type can kill (`canKill`); a note of a
 * sub-type in `NON_LETHAL` may say one person died, since no more ever do.
 */
export interface SubTypeNotes {
  noDeaths: readonly string[];
  deaths?: readonly string[];
}

/**
 * What an officer would write of each demonstration thread's events, in English, by thread id and
 * sub-type; `ENGLISH_EVENT_WORDS` collects them, and another language's words give as many per
 * thread, sub-type and deaths, in the same order (src/app/demo/fr/demo-texts.yaml).
 */
export const ENGLISH_NOTES: Readonly<Record<string, Readonly<Record<string, SubTypeNotes>>>> = {
  'klf-insurgency': {
    'Armed clash': {
      noDeaths: [
        'KLF fighters attacked an FAO position near {town}; exchange of fire over control of the gold-mining road, no fatalities reported.',
        'Clashes between the KLF and the FAO around {town} after the KLF raised roadblocks taxing traders; no fatalities reported.',
        'KLF ambush on an FAO convoy outside {town}, repelled without losses; the group said it wanted to strengthen its hand before the talks.',
      ],
      deaths: [
        'KLF fighters attacked an FAO position near {town}; deadly clashes over control of the gold-mining road.',
        'Deadly clashes between the KLF and the FAO around {town} after the KLF raised roadblocks taxing traders.',
        'Deadly KLF ambush on an FAO convoy outside {town}; the group said it wanted to strengthen its hand before the talks.',
      ],
    },
    'Non-state actor overtakes territory': {
      noDeaths: [
        'KLF fighters seized {town} after the FAO withdrew; the group now controls the gold-mining road.',
        'KLF fighters took over villages around {town} without a fight and raised roadblocks to tax traders.',
      ],
      deaths: [
        'KLF fighters seized {town} from the FAO in deadly fighting; the group now controls the gold-mining road.',
        'KLF fighters pushed the FAO out of {town} in deadly fighting; the group said it wanted to strengthen its hand before the talks.',
      ],
    },
  },
  'klf-against-civilians': {
    Attack: {
      noDeaths: [
        'KLF fighters attacked displaced families returning to {town}; houses burned, no fatalities reported.',
        'KLF fighters beat villagers in {town} accused of informing the army, in reprisal for recent arrests.',
      ],
      deaths: [
        'Deadly KLF attack on villagers in {town} accused of informing the army, in reprisal for recent arrests.',
        'Deadly KLF attack on displaced families returning to {town}; houses burned.',
      ],
    },
    'Abduction/forced disappearance': {
      noDeaths: [
        'KLF fighters abducted villagers in {town} accused of informing the army, in reprisal for recent arrests.',
        'KLF fighters abducted traders on the {town} market road and demanded a ransom for their release.',
      ],
      deaths: [
        'KLF fighters abducted villagers in {town} accused of informing the army, in reprisal for recent arrests; one was later found dead.',
        'KLF fighters abducted traders on the {town} market road; one was killed when no ransom was paid.',
      ],
    },
    'Looting/property destruction': {
      noDeaths: [
        'KLF fighters looted cattle and grain from traders on the {town} market road.',
        'KLF fighters burned the houses of displaced families returning to {town}.',
      ],
      deaths: [
        'Deadly KLF raid on traders on the {town} market road; cattle and grain looted.',
        'Deadly arson attack by KLF fighters on the houses of displaced families returning to {town}.',
      ],
    },
  },
  'fao-reprisals': {
    Attack: {
      noDeaths: [
        'FAO troops beat residents of {town} during a counter-insurgency sweep, in reprisal for a KLF attack.',
        'FAO soldiers fired on residents of {town} accused of supporting the KLF, wounding several.',
      ],
      deaths: [
        'Deadly counter-insurgency sweep by FAO soldiers in {town}, in reprisal for a KLF attack.',
        'Deadly FAO raid on {town}, where soldiers fired on residents accused of supporting the KLF.',
      ],
    },
    Arrests: {
      noDeaths: [
        'FAO troops detained and beat residents of {town} suspected of supporting armed groups.',
        'FAO soldiers arrested young men in {town} during a counter-insurgency sweep after a KLF attack.',
      ],
      deaths: [
        'FAO troops detained residents of {town} suspected of supporting armed groups; one of them died in custody.',
      ],
    },
    'Sexual violence': {
      noDeaths: [
        'Women in {town} reported rape by FAO soldiers during a search operation.',
        'A girl from {town} was raped by FAO soldiers while fetching water; her family reported it to the local authorities.',
      ],
      deaths: ['A woman in {town} died after being raped by FAO soldiers during a search operation.'],
    },
  },
  'police-crackdown': {
    Attack: {
      noDeaths: [
        'Police fired on opposition supporters in {town} protesting the election timetable, wounding several.',
        'Police beat and tear-gassed opposition supporters in {town} protesting the election timetable.',
      ],
      deaths: ['Deadly police fire on opposition supporters in {town} protesting the election timetable.'],
    },
    Arrests: {
      noDeaths: [
        'Police arrested journalists and opposition activists in {town} before the election.',
        'Police detained opposition supporters in {town} after a rally against the election timetable.',
      ],
      deaths: [
        'Police arrested opposition activists in {town} before the election; one of them died in police custody.',
      ],
    },
  },
  'herder-farmer': {
    'Armed clash': {
      noDeaths: [
        'Herders and Varo self-defence fighters exchanged fire near {town} over cattle crossing farmland on the transhumance corridor; no fatalities reported.',
        'Fighting between herders and farmers near {town} after cattle were stolen; dispute over grazing land, no fatalities reported.',
      ],
      deaths: [
        'Deadly clashes near {town} between herders and Varo self-defence fighters over cattle crossing farmland on the transhumance corridor.',
        'Deadly fighting between herders and farmers near {town} after cattle were stolen; dispute over grazing land.',
      ],
    },
  },
  'herders-against-villages': {
    Attack: {
      noDeaths: [
        'Armed herders attacked farming villages near {town} in a dispute over land and water points; several wounded.',
        'Herders beat farmers who tried to drive cattle off their fields near {town}; communal tension over the grazing corridor.',
      ],
      deaths: [
        'Deadly attack by armed herders on farming villages near {town} in a dispute over land and water points.',
        'Deadly raid by herders on farmers near {town}, whose fields were burned; communal tension over the grazing corridor.',
      ],
    },
    'Looting/property destruction': {
      noDeaths: [
        'Herders burned fields and granaries near {town}; communal tension over the grazing corridor.',
        'Armed herders looted the villages of farmers near {town} and drove their cattle through the crops.',
      ],
      deaths: [
        'Herders burned fields and granaries near {town} in a deadly raid on farmers; communal tension over the grazing corridor.',
        'Armed herders looted farming villages near {town} in a deadly raid, in a dispute over land and water points.',
      ],
    },
  },
  'varo-against-herders': {
    Attack: {
      noDeaths: [
        'Varo self-defence fighters attacked herder families camped near {town} and drove them off; revenge for cattle raids.',
        'Varo self-defence fighters fired on herders watering cattle near {town}, wounding several; revenge for cattle raids.',
      ],
      deaths: [
        'Deadly attack by Varo self-defence fighters on herder families camped near {town}; revenge for cattle raids.',
        'Varo self-defence fighters opened deadly fire on herders watering cattle near {town}; revenge for cattle raids.',
      ],
    },
  },
  'mjr-insurgency': {
    'Armed clash': {
      noDeaths: [
        'MJR fighters fired on the FAO camp at {town} and withdrew; the group demands a seat at the national talks.',
        'Exchange of fire between the MJR and the FAO near {town} over the fishing and lake trade; no fatalities reported.',
      ],
      deaths: [
        'Deadly MJR attack on the FAO camp at {town}; the group demands a seat at the national talks.',
        'Deadly clashes between the MJR and the FAO near {town} over the fishing and lake trade.',
      ],
    },
  },
  'mjr-ied': {
    'Remote explosive/landmine/IED': {
      noDeaths: [
        'An improvised explosive device hit an FAO vehicle on the road to {town}; soldiers wounded, no fatalities reported.',
        'A roadside bomb went off as an FAO patrol passed on the road to {town}, damaging a vehicle; no one was hurt.',
      ],
      deaths: [
        'Deadly blast as an improvised explosive device hit an FAO vehicle on the road to {town}.',
        'Deadly roadside bomb attack on an FAO patrol on the road to {town}.',
      ],
    },
  },
  'unidentified-killings': {
    Attack: {
      noDeaths: [
        'Unidentified gunmen shot and wounded a local councillor in {town} ahead of the elections.',
        'Unidentified gunmen fired on an opposition meeting in {town} ahead of the elections, wounding several.',
      ],
      deaths: [
        'Deadly attack by unidentified gunmen on a local councillor in {town} ahead of the elections.',
        'Deadly shooting by unidentified gunmen at an opposition meeting in {town} ahead of the elections.',
      ],
    },
    'Abduction/forced disappearance': {
      noDeaths: [
        'Unidentified gunmen abducted a local councillor in {town} ahead of the elections; his whereabouts are unknown.',
        'Unidentified gunmen abducted an opposition activist in {town} before the elections; his family has had no news of him.',
      ],
      deaths: [
        'Unidentified gunmen abducted a local councillor in {town} ahead of the elections; he was later found dead.',
      ],
    },
  },
  'party-youth': {
    Attack: {
      noDeaths: [
        'Ruling-party youth wing beat opposition supporters in {town} during the election campaign.',
        'Ruling-party youth wing attacked an opposition rally in {town} with sticks and stones during the election campaign.',
      ],
      deaths: [
        'Deadly beating of opposition supporters in {town} by the ruling-party youth wing during the election campaign.',
        'Deadly attack by the ruling-party youth wing on an opposition rally in {town} during the election campaign.',
      ],
    },
  },
  protests: {
    'Peaceful protest': {
      noDeaths: [
        'Demonstrators in {town} protested against the cost of living and the election timetable.',
        'Traders in {town} closed their shops and marched against the cost of living.',
      ],
      deaths: [
        'A demonstrator died in a crush during a march in {town} against the cost of living and the election timetable.',
      ],
    },
    'Protest with intervention': {
      noDeaths: [
        'Police used tear gas to disperse demonstrators in {town} protesting against the cost of living and the election timetable.',
        'Police broke up an opposition march against the election timetable in {town} and detained its organisers.',
      ],
    },
  },
  riots: {
    'Violent demonstration': {
      noDeaths: [
        'Rioters clashed with police in {town} after the results of the election were announced.',
        'Opposition supporters burned tyres and threw stones at police in {town} after the election results.',
      ],
      deaths: [
        'Deadly riots in {town} after the results of the election were announced; rioters clashed with police.',
      ],
    },
    'Mob violence': {
      noDeaths: [
        'A mob stoned a police post in {town} after the results of the election were announced.',
        'A mob attacked the houses of ruling-party officials in {town} after the election results.',
      ],
      deaths: [
        'Deadly mob attack on a police post in {town} after the results of the election were announced.',
      ],
    },
  },
  strategic: {
    'Headquarters or base established': {
      noDeaths: [
        'The FAO set up a forward base at {town}.',
        'The FAO moved a battalion headquarters to {town}.',
      ],
    },
    'Change to group/activity': {
      noDeaths: [
        'The FAO rotated the battalion stationed at {town}, replacing it with troops from the capital.',
        'The FAO placed its units around {town} under a new regional command.',
      ],
    },
  },
};
