import i18next from 'i18next';

/** MapLibre's own English for the words below, put back when the reader switches to English. */
const ENGLISH: Record<string, string> = {
  'Map.Title': 'Map',
  'NavigationControl.ZoomIn': 'Zoom in',
  'NavigationControl.ZoomOut': 'Zoom out',
  'NavigationControl.ResetBearing': 'Drag to rotate map, click to reset north',
  'AttributionControl.ToggleAttribution': 'Toggle attribution',
  'Popup.Close': 'Close popup',
  'ScaleControl.Kilometers': 'km',
  'ScaleControl.Meters': 'm',
};

const FRENCH: Record<string, string> = {
  'Map.Title': 'Carte',
  'NavigationControl.ZoomIn': 'Zoom avant',
  'NavigationControl.ZoomOut': 'Zoom arrière',
  'NavigationControl.ResetBearing': 'Réorienter vers le nord',
  'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources',
  'Popup.Close': 'Fermer',
  'ScaleControl.Kilometers': 'km',
  'ScaleControl.Meters': 'm',
};

/**
 * MapLibre's own words (its zoom buttons' titles, the canvas's label) in the page's language:
 * MapLibre writes them in English unless given others. Only those the workbench's maps show.
 */
export function mapLocale(language = i18next.language): Record<string, string> {
  return language === 'fr' ? { ...FRENCH } : {};
}

/** What of a MapLibre map the words are written on (its locale is private: no setter exists). */
interface LocalisedMap {
  getContainer(): HTMLElement;
  getCanvas(): HTMLCanvasElement;
}

/** Writes `words` on the map's canvas and controls, and into its locale for what it writes later. */
function relabel(map: LocalisedMap, words: Record<string, string>): void {
  const own = map as unknown as { _locale?: Record<string, string> };
  if (own._locale) own._locale = { ...own._locale, ...words };
  map.getCanvas().setAttribute('aria-label', words['Map.Title']!);
  const box = map.getContainer();
  const label = (selector: string, key: string) => {
    for (const el of box.querySelectorAll(selector)) {
      el.setAttribute('title', words[key]!);
      el.setAttribute('aria-label', words[key]!);
    }
  };
  label('.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn');
  label('.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut');
  label('.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing');
  label('.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution');
  label('.maplibregl-popup-close-button', 'Popup.Close');
}

/**
 * Keeps a map's own words in the reader's language when the header's picker switches it: MapLibre
 * takes its locale once, when the map is made. Returns the function that stops following.
 */
export function followLanguage(map: LocalisedMap): () => void {
  const switched = (language: string) => relabel(map, language === 'fr' ? FRENCH : ENGLISH);
  i18next.on('languageChanged', switched);
  return () => i18next.off('languageChanged', switched);
}
