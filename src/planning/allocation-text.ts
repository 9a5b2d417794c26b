import {
  counted,
  ENGLISH,
  type Language,
  LanguageFormat,
  listInWords,
  withFrenchSpacing,
} from '../domain/language.ts';

import { UNUSED } from '../domain/plan.ts';

export { UNUSED };

/** What the proposal does in an area, and by how many units (for `keep`, the units kept). */
export interface AreaChange {
  kind: 'add' | 'remove' | 'keep';
  units: number;
}

/** What the unit a move adds covers, what the unit it takes covered, and the flagged activities it leaves. */
export interface MoveMargins {
  gain: number;
  loss: number;
  flagged: string[];
}

/** An area's weight as the sentences cite it: risk × priority = weight. */
export interface WeightWords {
  area: string;
  risk: number;
  priority: number;
  priorityReason: string;
  weight: number;
}

/**
 * The sentences of `plan allocate`, per language: the method, each area's reason, each move's
 * explanation, the notes, and the lines the command prints around them. English reads exactly as
 * the allocation always has (a contract); French says the same. Codes (resource and activity ids,
 * the finding kind state-perpetrator-friction, the solver's status) stay codes in both.
 */
export interface AllocationText {
  method: (unitDecay: number) => string;
  priority: {
    /** The plan's own `priorities` entry, with its reason when it gives one. */
    plan: (reason?: string) => string;
    political: (objectives: string[]) => string;
    none: string;
    /** Political-strategy objectives served here only by activities the plan check flagged. */
    onlyFlagged: (objectives: string[], activities: string[]) => string;
  };
  reason: {
    change: (c: AreaChange, w: WeightWords) => string;
    /** A removal, with what the last unit removed covered. */
    remove: (c: AreaChange, w: WeightWords, lastUnitCovers: number) => string;
    flagged: (c: AreaChange, activities: string[]) => string;
    noneAvailable: (c: AreaChange, resource: string) => string;
  };
  /**
   * A unit moved, and why: what the unit added covers where it goes (`gain`) against what the
   * unit taken covered where it was (`loss`), each unit in an area covering half the one before;
   * or, where it was taken from activities the plan check flagged, that flag.
   */
  move: (to: WeightWords, from: WeightWords, affected: string[], marginal: MoveMargins) => string;
  moveFromUnused: (to: WeightWords) => string;
  notes: {
    noEvents: string;
    /** The store holds no event of the plan's country at all (not only none in the period). */
    noCountryEvents: (country: string) => string;
    flaggedCap: (resource: string, cap: number, area: string, flagged: string[]) => string;
    noArea: (resource: string, units: number) => string;
    solverStatus: (status: string) => string;
    unplaced: (
      resource: string,
      unplaced: number,
      available: number,
      openAreas: number,
      maxUnits: number,
    ) => string;
    infeasible: (resource: string, used: number, available: number) => string;
    /** An activity whose areas the proposal leaves with none of the assets it uses. */
    stripped: (activity: string, areas: string[], resources: string[]) => string;
    allowFlagged: (activities: string[]) => string;
    /** A flagged activity whose friction the register records as closed: resources may go to it. */
    frictionClosed: (activity: string, ref: string, decision: string | null, by: string | null) => string;
    /**
     * A `priorities` entry whose area is none of the areas with civilian-targeting events in the
     * period (misspelt, or quiet): its priority places nothing. `place` is `FILE:LINE:COL: path`.
     */
    priorityUnmatched: (p: { place: string; area: string; priority: number; close: string[] }) => string;
    /** An area a resource may go to that is none of the areas with civilian-targeting events. */
    resourceAreaUnmatched: (p: { place: string; resource: string; area: string; close: string[] }) => string;
    /** A place an office or an activity names that no event of the country names: read as risk 0. */
    placeUnknown: (p: { place: string; owner: string; area: string; close: string[] }) => string;
  };
  /** The lines `tandem plan allocate` prints around the sentences. */
  output: {
    covered: (current: number, proposed: number, status: string) => string;
    /** Said when the proposal covers less than the plan as it stands: why, and where to read more. */
    lessThanNow: string;
    method: (method: string) => string;
    resource: (r: {
      resource: string;
      text?: string;
      available: number;
      currentUse: number;
      proposedUse: number;
    }) => string;
    area: (area: string, current: number, proposed: number, reason: string) => string;
    move: (units: number, from: string, to: string, why: string) => string;
    moveFromUnused: (units: number, to: string, why: string) => string;
    notes: string;
  };
}

const basis = (w: WeightWords) =>
  `risk ${w.risk} civilian-targeting events × priority ${w.priority} (${w.priorityReason}) = weight ${w.weight}`;
const change = (c: AreaChange) => `${c.kind} ${c.units}`;
const meant = (close: string[]) =>
  close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : '';

const en: AllocationText = {
  method: (decay) =>
    'Maximise the sum over areas of weight × coverage, where weight = civilian-targeting events in the plan period × political priority, ' +
    `and the k-th unit of a resource in an area covers ${decay}^(k-1) of that area's weight (diminishing returns). ` +
    "Political priority is the plan's own `priorities` entry for the area when given, else 1 + 0.5 for each political-strategy objective " +
    'served by an activity in the area (at most 2). Units of each resource in all areas together may not exceed its availability; a resource ' +
    'with `areas` may only go there. Solved as a 0-1 integer programme with HiGHS.',
  priority: {
    plan: (reason) => `set in the plan${reason ? `: ${reason}` : ''}`,
    political: (ids) =>
      `political-strategy ${ids.length === 1 ? 'objective' : 'objectives'} ${ids.join(', ')} worked on here`,
    none: 'no political-strategy activity here',
    onlyFlagged: (ids, acts) =>
      `political-strategy ${ids.length === 1 ? 'objective' : 'objectives'} ${ids.join(', ')} served here only by ${acts.join(', ')}, flagged by the plan check (state-perpetrator-friction), which ${acts.length > 1 ? 'lend' : 'lends'} no priority`,
  },
  reason: {
    change: (c, w) => `${change(c)}: ${basis(w)}`,
    remove: (c, w, last) =>
      `${change(c)}: ${basis(w)}; the last unit here covers only ${last}, less than every unit kept or placed`,
    flagged: (c, acts) =>
      `${change(c)}: ${acts.join(', ')} flagged by the plan check (state-perpetrator-friction), so no unit goes to it`,
    noneAvailable: (c, resource) => `${change(c)}: the plan makes no unit of ${resource} available`,
  },
  move: (to, from, affected, m) =>
    `${
      m.flagged.length
        ? `${m.flagged.join(', ')} in ${from.area} ${m.flagged.length > 1 ? 'are' : 'is'} flagged by the plan check (state-perpetrator-friction), so the unit leaves it; in ${to.area} it covers ${m.gain} (weight ${to.weight}: risk ${to.risk} × priority ${to.priority})`
        : `in ${to.area} the unit covers ${m.gain} (weight ${to.weight}: risk ${to.risk} × priority ${to.priority}), ${m.gain >= m.loss ? 'more than' : 'against'} the ${m.loss} it covered in ${from.area} (weight ${from.weight}: risk ${from.risk} × priority ${from.priority}), each unit in an area covering half the one before`
    }${affected.length ? `; affects ${affected.join(', ')}` : ''}`,
  moveFromUnused: (to) =>
    `units the plan leaves unused; ${to.area} weighs ${to.weight} (risk ${to.risk} × priority ${to.priority})`,
  notes: {
    noEvents: 'no civilian-targeting events in the plan period: every area weighs 0',
    noCountryEvents: (country) =>
      `no events for ${country} in the store: every area weighs 0, so nothing here rests on evidence (import event data first)`,
    flaggedCap: (resource, cap, area, held) =>
      `${resource}: at most ${counted(ENGLISH, cap, 'unit', 'units')} in ${area}, what activities not flagged use there; ${held.join(', ')} ${held.length > 1 ? 'are' : 'is'} flagged by the plan check (state-perpetrator-friction) and ${held.length > 1 ? 'get' : 'gets'} none`,
    noArea: (resource, units) =>
      `${resource}: ${counted(ENGLISH, units, 'unit is', 'units are')} used by activities with no area, left out of "current"`,
    solverStatus: (status) => `the solver ended with status ${status}; the proposal may not be optimal`,
    unplaced: (resource, unplaced, available, open, max) =>
      `${resource}: ${unplaced} of ${counted(ENGLISH, available, 'unit', 'units')} left unplaced. A unit adds cover only where civilians were targeted in the plan period (${counted(ENGLISH, open, 'area', 'areas')} open to this resource), and each further unit in an area covers half the one before, so no area takes more than ${max}; place the rest by judgement (a reserve, escorts, areas with no recorded events)`,
    infeasible: (resource, used, available) =>
      `${resource}: the plan uses ${used} but ${available === 1 ? 'only 1 is' : available === 0 ? 'none is' : `only ${available} are`} available, so "current" is not feasible`,
    stripped: (activity, areas, resources) =>
      `activity ${activity} (${areas.join(', ')}) is left with none of the assets it uses (${resources.join(', ')}): they go where more civilians were targeted; keep a minimum there by judgement if the activity must go on`,
    allowFlagged: (acts) =>
      `resources may go to ${acts.join(', ')}, flagged by the plan check (state-perpetrator-friction), as asked`,
    frictionClosed: (act, ref, decision, by) =>
      `resources may go to ${act}, flagged by the plan check (state-perpetrator-friction): the friction register records friction ${ref} closed${decision ? ` (decision: ${decision}${by ? `, ${by}` : ''})` : by ? ` by ${by}` : ''}; reopen it (tandem frictions edit ${ref} --status open) to withhold them again`,
    priorityUnmatched: (p) =>
      `${p.place}: "${p.area}" (priority ${p.priority}) is none of the areas with civilian-targeting events in the plan period, so its priority places nothing${meant(p.close)}; write areas as the event data spells them (plan check names those it does not know)`,
    resourceAreaUnmatched: (p) =>
      `${p.place}: ${p.resource} may go to "${p.area}", but that is none of the areas with civilian-targeting events in the plan period, so no unit of it is placed there${meant(p.close)}; write areas as the event data spells them (plan check names those it does not know)`,
    placeUnknown: (p) =>
      `${p.place}: ${p.owner}'s area "${p.area}" is no area of the event data${meant(p.close)}, so the allocation reads it as one where no civilian was targeted and moves units away from it; its real risk is unknown. Write areas as the event data spells them (plan check names those it does not know)`,
  },
  output: {
    covered: (current, proposed, status) =>
      `risk covered: ${current} now → ${proposed} proposed (solver: ${status})`,
    lessThanNow:
      'lower than now, because the plan as it stands cannot be kept: it uses more than is available, or gives to activities the plan check flags (see the notes below)',
    method: (method) => `method: ${method}`,
    resource: (r) =>
      `${r.resource}${r.text ? ` (${r.text})` : ''}: ${r.available} available, ${r.currentUse} used now, ${r.proposedUse} proposed`,
    area: (area, current, proposed, reason) => `  ${area}: ${current} → ${proposed}  ${reason}`,
    move: (units, from, to, why) => `  move ${units} from ${from} to ${to}: ${why}`,
    moveFromUnused: (units, to, why) => `  move ${units} from ${UNUSED} to ${to}: ${why}`,
    notes: 'notes:',
  },
};

const f = new LanguageFormat('fr');
const n = f.num;
const list = (items: string[]) => listInWords('fr', items);
/** "1 unité", "3 unités" (French counts 0 as singular). */
const units = (k: number, adjective = '') =>
  counted(f, k, `unité${adjective}`, `unités${adjective}${adjective ? 's' : ''}`);
/** "de Dunmarch", "d’Ekou": French elides `de` before a vowel. */
const ofPlace = (name: string) => (/^[aeiouàâäéèêëîïôöùûü]/i.test(name) ? `d’${name}` : `de ${name}`);
const verbs: Record<AreaChange['kind'], string> = { add: 'ajouter', remove: 'retirer', keep: 'maintenir' };
const frChange = (c: AreaChange) => `${verbs[c.kind]} ${n(c.units)}`;
const frBasis = (w: WeightWords) =>
  `risque de ${counted(f, w.risk, 'événement ciblant des civils', 'événements ciblant des civils')} × priorité ${n(w.priority)} (${w.priorityReason}) = poids ${n(w.weight)}`;
const activities = (ids: string[]) =>
  ids.length > 1 ? `les activités ${list(ids)}` : `l’activité ${ids[0] ?? ''}`;
const flaggedWord = (k: number) => (k > 1 ? 'signalées' : 'signalée');
const frMeant = (close: string[]) =>
  close.length ? ` (vouliez-vous dire ${close.map((c) => `« ${c} »`).join(' ou ')} ?)` : '';

const fr: AllocationText = {
  method: (decay) =>
    'Maximiser la somme, sur l’ensemble des zones, de poids × couverture, où poids = événements ciblant des civils pendant la période du plan × priorité politique, ' +
    `et où la k-ième unité d’une ressource dans une zone couvre ${n(decay)}^(k-1) du poids de cette zone (rendements décroissants). ` +
    'La priorité politique est celle que le plan donne à la zone dans `priorities` lorsqu’il en donne une, sinon 1 + 0,5 par objectif de la stratégie politique ' +
    'servi par une activité dans la zone (au plus 2). Le total des unités d’une ressource, toutes zones confondues, ne peut dépasser sa disponibilité ; une ressource ' +
    'dotée d’`areas` ne peut aller que dans ces zones. Résolu comme un programme linéaire en variables binaires (0-1) avec HiGHS.',
  priority: {
    plan: (reason) => `fixée dans le plan${reason ? ` : « ${reason} »` : ''}`,
    political: (ids) =>
      ids.length > 1
        ? `objectifs de la stratégie politique ${list(ids)} poursuivis ici`
        : `objectif de la stratégie politique ${ids[0] ?? ''} poursuivi ici`,
    none: 'aucune activité de la stratégie politique ici',
    onlyFlagged: (ids, acts) =>
      `${ids.length > 1 ? `objectifs de la stratégie politique ${list(ids)} servis` : `objectif de la stratégie politique ${ids[0] ?? ''} servi`} ici seulement par ${activities(acts)}, ${flaggedWord(acts.length)} par la vérification du plan (state-perpetrator-friction), qui ne ${acts.length > 1 ? 'donnent' : 'donne'} aucune priorité`,
  },
  reason: {
    change: (c, w) => `${frChange(c)} : ${frBasis(w)}`,
    remove: (c, w, last) =>
      `${frChange(c)} : ${frBasis(w)} ; la dernière unité ici ne couvre que ${n(last)}, moins que toute unité maintenue ou placée`,
    flagged: (c, acts) =>
      `${frChange(c)} : ${activities(acts)}, ${flaggedWord(acts.length)} par la vérification du plan (state-perpetrator-friction), ne ${acts.length > 1 ? 'reçoivent' : 'reçoit'} aucune unité`,
    noneAvailable: (c, resource) =>
      `${frChange(c)} : le plan ne met aucune unité de ${resource} à disposition`,
  },
  move: (to, from, affected, m) =>
    `${
      m.flagged.length
        ? `${activities(m.flagged)} à ${from.area} ${m.flagged.length > 1 ? 'sont' : 'est'} ${flaggedWord(m.flagged.length)} par la vérification du plan (state-perpetrator-friction) : l’unité en part ; à ${to.area}, elle couvre ${n(m.gain)} (poids ${n(to.weight)} : risque ${n(to.risk)} × priorité ${n(to.priority)})`
        : `à ${to.area}, l’unité couvre ${n(m.gain)} (poids ${n(to.weight)} : risque ${n(to.risk)} × priorité ${n(to.priority)}), ${m.gain >= m.loss ? 'plus que' : 'contre'} ce qu’elle couvrait à ${from.area} (${n(m.loss)} ; poids ${n(from.weight)} : risque ${n(from.risk)} × priorité ${n(from.priority)}), chaque unité d’une zone couvrant moitié moins que la précédente`
    }${affected.length ? ` ; ${affected.length > 1 ? 'activités concernées' : 'activité concernée'} : ${list(affected)}` : ''}`,
  moveFromUnused: (to) =>
    `unités que le plan laisse inutilisées ; ${to.area} pèse ${n(to.weight)} (risque ${n(to.risk)} × priorité ${n(to.priority)})`,
  notes: {
    noEvents: 'aucun événement ciblant des civils pendant la période du plan : toutes les zones pèsent 0',
    noCountryEvents: (country) =>
      `aucun événement pour ${country} dans la base : toutes les zones pèsent 0, rien ici ne repose donc sur des données (importez d’abord des données d’événements)`,
    flaggedCap: (resource, cap, area, held) =>
      `${resource} : au plus ${units(cap)} pour ${area}, ce qu’y utilisent les activités non signalées ; ${activities(held)} ${held.length > 1 ? 'sont' : 'est'} ${flaggedWord(held.length)} par la vérification du plan (state-perpetrator-friction) et n’en ${held.length > 1 ? 'reçoivent' : 'reçoit'} aucune`,
    noArea: (resource, k) =>
      `${resource} : ${units(k, ' utilisée')} par des activités sans zone, ${k > 1 ? 'laissées' : 'laissée'} hors de la répartition actuelle`,
    solverStatus: (status) =>
      `le solveur s’est arrêté avec le statut ${status} ; la proposition n’est peut-être pas optimale`,
    unplaced: (resource, unplaced, available, open, max) =>
      `${resource} : ${n(unplaced)} ${unplaced > 1 ? 'unités' : 'unité'} sur ${n(available)} non ${unplaced > 1 ? 'placées' : 'placée'}. Une unité n’ajoute de couverture que là où des civils ont été ciblés pendant la période du plan (${counted(f, open, 'zone ouverte', 'zones ouvertes')} à cette ressource), et chaque unité supplémentaire dans une zone couvre moitié moins que la précédente : aucune zone n’en reçoit donc plus de ${n(max)}. Placez le reste selon votre jugement (réserve, escortes, zones sans événement enregistré)`,
    stripped: (activity, areas, resources) =>
      `l’activité ${activity} (${areas.join(', ')}) ne garde aucun des moyens qu’elle utilise (${resources.join(', ')}) : ils vont là où davantage de civils ont été ciblés ; gardez-y un minimum selon votre jugement si l’activité doit se poursuivre`,
    infeasible: (resource, used, available) =>
      `${resource} : le plan en utilise ${n(used)} alors ${available > 1 ? `que seules ${n(available)} sont disponibles` : available === 1 ? 'qu’une seule est disponible' : 'qu’aucune n’est disponible'}, si bien que la répartition actuelle n’est pas réalisable`,
    priorityUnmatched: (p) =>
      `${p.place} : « ${p.area} » (priorité ${n(p.priority)}) n’est aucune des zones où des civils ont été ciblés pendant la période du plan, si bien que cette priorité ne place rien${frMeant(p.close)} ; écrivez les zones comme les données d’événements (la vérification du plan nomme celles qu’elle ne connaît pas)`,
    resourceAreaUnmatched: (p) =>
      `${p.place} : ${p.resource} peut aller à « ${p.area} », mais ce n’est aucune des zones où des civils ont été ciblés pendant la période du plan : aucune unité n’y est donc placée${frMeant(p.close)} ; écrivez les zones comme les données d’événements (la vérification du plan nomme celles qu’elle ne connaît pas)`,
    placeUnknown: (p) =>
      `${p.place} : la zone « ${p.area} » de ${p.owner} n’est aucune zone des données d’événements${frMeant(p.close)} ; la répartition la lit comme une zone où aucun civil n’a été ciblé et en retire des unités, alors que son risque réel est inconnu. Écrivez les zones comme les données d’événements (la vérification du plan nomme celles qu’elle ne connaît pas)`,
    frictionClosed: (act, ref, decision, by) =>
      `des ressources peuvent aller à l’activité ${act}, signalée par la vérification du plan (state-perpetrator-friction) : le registre des frictions indique la friction ${ref} close${decision ? ` (décision : ${decision}${by ? `, ${by}` : ''})` : by ? ` par ${by}` : ''} ; rouvrez-la (tandem frictions edit ${ref} --status open) pour les retenir à nouveau`,
    allowFlagged: (acts) =>
      `comme demandé, des ressources peuvent aller ${acts.length > 1 ? `aux activités ${list(acts)}` : `à l’activité ${acts[0] ?? ''}`}, ${flaggedWord(acts.length)} par la vérification du plan (state-perpetrator-friction)`,
  },
  output: {
    covered: (current, proposed, status) =>
      `risque couvert : ${n(current)} actuellement → ${n(proposed)} avec la proposition (solveur : ${status})`,
    lessThanNow:
      'moins qu’actuellement, parce que le plan tel qu’il est ne peut être tenu : il utilise plus que ce qui est disponible, ou donne à des activités que la vérification du plan signale (voir les notes ci-dessous)',
    method: (method) => `méthode : ${method}`,
    resource: (r) =>
      `${r.resource}${r.text ? ` (${r.text})` : ''} : ${n(r.available)} ${r.available > 1 ? 'disponibles' : 'disponible'}, ${n(r.currentUse)} ${r.currentUse > 1 ? 'utilisées' : 'utilisée'} actuellement, ${n(r.proposedUse)} ${r.proposedUse > 1 ? 'proposées' : 'proposée'}`,
    area: (area, current, proposed, reason) => `  ${area} : ${n(current)} → ${n(proposed)}  ${reason}`,
    move: (k, from, to, why) => `  déplacer ${units(k)} ${ofPlace(from)} vers ${to} : ${why}`,
    moveFromUnused: (k, to, why) => `  affecter ${units(k, ' inutilisée')} à ${to} : ${why}`,
    notes: 'notes :',
  },
};

export const ALLOCATION_TEXT: Record<Language, AllocationText> = { en, fr: withFrenchSpacing(fr) };
