/** The export of events shown on the overview and an area's page (`GET /api/export`). */
export const en = {
  label: 'Export these events',
  what_one: '{{place}}, {{from}} to {{to}}: {{count, number}} event',
  what_other: '{{place}}, {{from}} to {{to}}: {{count, number}} events',
  whatUncounted: '{{place}}, {{from}} to {{to}}',
  format: 'File format',
  csv: 'CSV (spreadsheet)',
  hxl: 'HXL (CSV with hashtags)',
  geojson: 'GeoJSON (for GIS)',
  excel: 'For Excel (keeps accents)',
  excelNotGeojson: 'GeoJSON is not opened in Excel.',
  download: 'Download {{format}}',
  filtersApplied: 'Only the events that pass this page’s violence-type and perpetrator filters.',
  actorNotApplied:
    'The export holds the events of every perpetrator: the choice of one perpetrator is not applied to it.',
};

export const fr: typeof en = {
  label: 'Exporter ces événements',
  what_one: '{{place}}, du {{from}} au {{to}} : {{count, number}} événement',
  what_other: '{{place}}, du {{from}} au {{to}} : {{count, number}} événements',
  whatUncounted: '{{place}}, du {{from}} au {{to}}',
  format: 'Format du fichier',
  csv: 'CSV (tableur)',
  hxl: 'HXL (CSV avec mots-dièse)',
  geojson: 'GeoJSON (pour SIG)',
  excel: 'Pour Excel (garde les accents)',
  excelNotGeojson: 'Le GeoJSON ne s’ouvre pas dans Excel.',
  download: 'Télécharger en {{format}}',
  filtersApplied:
    'Seulement les événements retenus par les filtres de la page par type de violence et par auteur.',
  actorNotApplied:
    'L’export contient les événements de tous les auteurs : le choix d’un auteur ne lui est pas appliqué.',
};
