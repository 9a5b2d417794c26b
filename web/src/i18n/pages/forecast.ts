/** The forecast chart and the list of areas where deaths may start. */
export const en = {
  label: 'Forecast',
  heading: 'Next six months: forecast of',
  what: 'What to forecast',
  events: 'violent events',
  fatalities: 'deaths',
  theForecast: 'the forecast',
  nothing: 'No violent events here up to {{origin}}: nothing to forecast.',
  chart: 'Monthly {{metric}} in {{key}}: two years observed and six months forecast with 80% ranges',
  eventsPerMonth: 'violent events per month',
  deathsPerMonth: 'deaths per month',
  soFar: 'Already recorded for {{month}} up to {{day}}: {{recorded}} (the ring on the chart).',
  legendObserved: 'recorded',
  legendPoint: 'forecast: the typical month on a log scale (the mean runs higher)',
  legendRange: '80% range: 8 months in 10 fall inside',
  legendOrigin: 'forecast made from here',
  gap_one:
    'No event of any kind is stored for {{from}}, after a record with events in {{percent}}% of its months before: most likely a gap in the data, not a lull. The forecast reads it as a month without violence and runs low; import the missing month before relying on it.',
  gap_other:
    'No event of any kind is stored from {{from}} to {{to}} ({{count}} months), after a record with events in {{percent}}% of its months before: most likely a gap in the data, not a lull. The forecast reads those months as months without violence and runs low; import the missing months before relying on it.',
  next: '{{month}}: about {{point}} {{metric}}, 80% range {{low}}–{{high}}. Forecast from {{origin}} using only data up to then; how well such forecasts did before is in the brief and',
  onsetLabel: 'Where deaths may start',
  onsetHeading: 'Where deaths may start (quiet for a year)',
  onsetWhat: 'onset forecasts',
  noOnset:
    'No area without deaths in the year to {{origin}} has a {{percent}} or higher chance of deaths in any one of the next three months.',
  onset: '{{percent}} chance of deaths in {{month}}, the likeliest of the next three months',
};

export const fr: typeof en = {
  label: 'Prévisions',
  heading: 'Six prochains mois : prévision des',
  what: 'Quoi prévoir',
  events: 'événements violents',
  fatalities: 'morts',
  theForecast: 'la prévision',
  nothing: 'Aucun événement violent ici jusqu’à {{origin}} : rien à prévoir.',
  chart: '{{metric}} par mois {{place}} : deux ans observés et six mois prévus, avec fourchettes à 80 %',
  eventsPerMonth: 'événements violents par mois',
  deathsPerMonth: 'morts par mois',
  soFar: 'Déjà enregistré pour {{month}} jusqu’au {{day}} : {{recorded}} (le cercle sur le graphique).',
  legendObserved: 'enregistré',
  legendPoint: 'prévision : le mois typique sur une échelle logarithmique (la moyenne est plus haute)',
  legendRange: 'fourchette à 80 % : 8 mois sur 10 y tombent',
  legendOrigin: 'prévision établie à partir d’ici',
  gap_one:
    'Aucun événement, de quelque type que ce soit, n’est enregistré en {{from}}, alors que {{percent}} % des mois précédents en comptaient : très probablement un trou dans les données, non une accalmie. La prévision le lit comme un mois sans violence et sous-estime ; importez le mois manquant avant de vous y fier.',
  gap_other:
    'Aucun événement, de quelque type que ce soit, n’est enregistré de {{from}} à {{to}} ({{count}} mois), alors que {{percent}} % des mois précédents en comptaient : très probablement un trou dans les données, non une accalmie. La prévision lit ces mois comme des mois sans violence et sous-estime ; importez les mois manquants avant de vous y fier.',
  next: '{{month}} : environ {{point}} {{metric}}, fourchette à 80 % de {{low}} à {{high}}. Prévision établie en {{origin}} sur les seules données disponibles à cette date ; la fiabilité passée de ces prévisions figure dans la note et dans',
  onsetLabel: 'Où des morts pourraient survenir',
  onsetHeading: 'Où des morts pourraient survenir (zones calmes depuis un an)',
  onsetWhat: 'les prévisions d’apparition',
  noOnset:
    'Aucune zone sans mort dans l’année jusqu’à {{origin}} n’a, pour aucun des trois prochains mois, un risque de {{percent}} ou plus de connaître des morts.',
  onset: 'risque de morts de {{percent}} en {{month}}, le mois le plus exposé des trois prochains',
};
