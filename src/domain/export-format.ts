/**
 * The formats events are exported in. Kept here, apart from the writer, so that a front end can
 * list them in its help without loading the writer and its CSV library.
 */
export const EXPORT_FORMATS = ['csv', 'geojson', 'hxl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
