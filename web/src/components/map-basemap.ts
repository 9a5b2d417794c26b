import type * as maplibregl from 'maplibre-gl';
import { Marker } from 'maplibre-gl';

/** A town of the basemap: [longitude, latitude, name, population], most populous first. */
type TownRow = [number, number, string, number];

/** The most towns drawn (the list is most populous first); a country's map shows fewer. */
const MAX_TOWNS = 250;

export interface BasemapPlacement {
  /**
   * The layer the basemap is drawn under (the events, which stay on top of everything); it goes
   * over the areas' shading and outlines, so that a river that is also a boundary still shows.
   */
  before: string;
  /**
   * Called once the basemap is drawn, with each layer added and how many of its features (or
   * pieces of them) are drawn in view: `lakes=2 rivers=14 borders=2 towns=180`.
   */
  onDrawn?: (summary: string) => void;
}

/**
 * Adds the offline basemap that Tandem serves itself (web/dist/basemap, made by
 * scripts/build-basemap.mjs): Natural Earth lakes, rivers, borders and coasts, and GeoNames towns,
 * the most populous in view named. Call it once the map's own figures are drawn, so it never
 * delays them; a file that cannot be had is left out and the map still reads. Returns what undoes
 * it (labels and listeners; the layers go with the map).
 */
export function addBasemap(m: maplibregl.Map, placement: BasemapPlacement): () => void {
  let live = true;
  let towns: TownRow[] = [];
  const townLabels: Marker[] = [];
  const labelTowns = () => {
    for (const l of townLabels.splice(0)) l.remove();
    const b = m.getBounds();
    const room = m.getContainer().clientWidth < 600 ? 10 : 24;
    for (const [lon, lat, name] of towns) {
      if (townLabels.length >= room) break;
      if (!b.contains([lon, lat])) continue;
      const el = document.createElement('span');
      el.className = 'town-label';
      el.textContent = name;
      townLabels.push(
        new Marker({ element: el, anchor: 'left', offset: [4, 0] }).setLngLat([lon, lat]).addTo(m),
      );
    }
  };
  const load = (name: string) =>
    fetch(`/basemap/${name}.json`)
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null);

  Promise.all([load('water'), load('borders'), load('towns')])
    .then(([water, borders, all]: [unknown, unknown, TownRow[] | null]) => {
      if (!live) return;
      // Only what lies near the country: the worker need not cut the whole world's.
      const b = m.getBounds();
      const pad = 2;
      const near = ([lon, lat]: number[]) =>
        lon >= b.getWest() - pad &&
        lon <= b.getEast() + pad &&
        lat >= b.getSouth() - pad &&
        lat <= b.getNorth() + pad;
      const added: string[] = [];
      if (water) {
        m.addSource('water', { type: 'geojson', data: nearWater(water as WaterCollection, near) as never });
        m.addLayer(
          {
            id: 'lakes',
            type: 'fill',
            source: 'water',
            filter: ['==', ['get', 'kind'], 'lake'],
            paint: { 'fill-color': '#a8c8e4', 'fill-outline-color': '#1f6fb5' },
          },
          placement.before,
        );
        // A pale edge either side keeps a river legible on the darkest shading.
        const width = (extra: number): maplibregl.ExpressionSpecification => [
          'interpolate',
          ['linear'],
          ['zoom'],
          3,
          0.9 + extra,
          6,
          1.5 + extra,
          9,
          2.5 + extra,
        ];
        const river = {
          type: 'line',
          source: 'water',
          filter: ['==', ['get', 'kind'], 'river'],
          layout: { 'line-join': 'round', 'line-cap': 'round' },
        } satisfies Omit<maplibregl.LineLayerSpecification, 'id'>;
        m.addLayer(
          {
            ...river,
            id: 'river-edges',
            paint: { 'line-color': '#eef5fb', 'line-opacity': 0.7, 'line-width': width(2) },
          },
          placement.before,
        );
        m.addLayer(
          {
            ...river,
            id: 'rivers',
            paint: { 'line-color': '#1f6fb5', 'line-width': width(0) },
          },
          placement.before,
        );
        added.push('lakes', 'rivers');
      }
      if (borders) {
        m.addSource('borders', { type: 'geojson', data: borders as never });
        m.addLayer(
          {
            id: 'borders',
            type: 'line',
            source: 'borders',
            paint: {
              'line-color': ['case', ['==', ['get', 'kind'], 'coast'], '#6f94ad', '#4a4a4a'],
              'line-width': ['case', ['==', ['get', 'kind'], 'coast'], 0.8, 1.4],
              'line-dasharray': [3, 2],
            },
          },
          placement.before,
        );
        added.push('borders');
      }
      if (all) {
        // The most populous only: a map of a whole region would otherwise be peppered with dots.
        towns = all.filter(([lon, lat]) => near([lon, lat])).slice(0, MAX_TOWNS);
        m.addSource('towns', {
          type: 'geojson',
          data: {
            type: 'FeatureCollection',
            features: towns.map(([lon, lat, name, population]) => ({
              type: 'Feature',
              properties: { name, population },
              geometry: { type: 'Point', coordinates: [lon, lat] },
            })),
          },
        });
        m.addLayer(
          {
            id: 'towns',
            type: 'circle',
            source: 'towns',
            paint: {
              'circle-radius': 2.2,
              'circle-color': '#fff',
              'circle-stroke-color': '#333',
              'circle-stroke-width': 1,
            },
          },
          placement.before,
        );
        added.push('towns');
        labelTowns();
        m.on('moveend', labelTowns);
      }
      // Idle comes once every source has been cut and drawn.
      m.once('idle', () => {
        if (!live) return;
        placement.onDrawn?.(
          added.map((id) => `${id}=${m.queryRenderedFeatures({ layers: [id] }).length}`).join(' '),
        );
      });
    })
    .catch((e: Error) => console.warn('basemap:', e.message));
  return () => {
    live = false;
    m.off('moveend', labelTowns);
    for (const l of townLabels) l.remove();
  };
}

interface WaterCollection {
  type: 'FeatureCollection';
  features: {
    properties: { kind: string };
    geometry: { type: string; coordinates: number[][][] | number[][][][] };
  }[];
}

/** The rivers and lakes with a point near the view. */
function nearWater(water: WaterCollection, near: (p: number[]) => boolean): WaterCollection {
  return {
    ...water,
    features: water.features.filter((f) =>
      (f.geometry.type === 'MultiPolygon'
        ? (f.geometry.coordinates as number[][][][]).flat()
        : f.geometry.coordinates
      )
        .flat()
        .some((p) => near(p as number[])),
    ),
  };
}
