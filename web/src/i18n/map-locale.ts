import i18next from 'i18next';

/**
 * MapLibre's own words (its zoom buttons' titles, the canvas's label) in the page's language:
 * MapLibre writes them in English unless given others. Only those the workbench's maps show.
 */
export function mapLocale(): Record<string, string> {
  if (i18next.language !== 'fr') return {};
  return {
    'Map.Title': 'Carte',
    'NavigationControl.ZoomIn': 'Zoom avant',
    'NavigationControl.ZoomOut': 'Zoom arrière',
    'NavigationControl.ResetBearing': 'Réorienter vers le nord',
    'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources',
    'Popup.Close': 'Fermer',
    'ScaleControl.Kilometers': 'km',
    'ScaleControl.Meters': 'm',
  };
}
