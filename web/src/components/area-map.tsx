import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';

maplibregl.setWorkerUrl(workerUrl);
// The worker fetches and compiles its own half-megabyte script: start it with this module, so that
// it is ready by the time the map has data, rather than when the first map is created.
maplibregl.prewarm();

export interface MapPoint {
  id: number;
  latitude: number | null;
  longitude: number | null;
  civilianTargeting: boolean;
  actor1Category: string | null;
}

export interface AreaMapProps {
  /**
   * Admin-1 polygons; each feature's properties carry `admin1` and the measure named by `measure`.
   * Undefined while they load: the map is set up meanwhile, so drawing starts as soon as they come.
   */
  areas:
    | {
        type: 'FeatureCollection';
        features: { properties: Record<string, unknown>; geometry: unknown }[];
      }
    | undefined;
  /** Events drawn as points; undefined while they load (the map is not called drawn until they are). */
  points: MapPoint[] | undefined;
  measure: string;
  measureLabel: string;
  selected?: string;
  onSelect?: (admin1: string) => void;
  /** Called once, when the areas and points are first drawn, or when the map cannot be drawn. */
  onSettled?: () => void;
}

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

/**
 * The admin-1 map: polygons shaded by a measure, events as points (attacks on civilians in red,
 * state-force perpetrators ringed in black), no tile server. A click opens the area.
 */
export function AreaMap({
  areas,
  points,
  measure,
  measureLabel,
  selected,
  onSelect,
  onSettled,
}: AreaMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [areasSet, setAreasSet] = useState(false);
  const [pointsSet, setPointsSet] = useState(false);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onSettledRef = useRef(onSettled);
  onSettledRef.current = onSettled;
  // What the map was created with: data that is already there goes into the style itself, so the
  // first frame draws it (no wait for the empty map to load and a second trip to the worker).
  const initial = useRef({ areas, points, measure, selected });

  useEffect(() => {
    if (!box.current) return;
    const first = initial.current;
    const bounds = first.areas ? areaBounds(first.areas) : null;
    let m: maplibregl.Map;
    try {
      m = new maplibregl.Map({
        container: box.current,
        ...(bounds ? { bounds, fitBoundsOptions: { padding: 24 } } : {}),
        style: {
          version: 8,
          sources: {
            areas: {
              type: 'geojson',
              data: (first.areas ? shadedAreas(first.areas, first.measure, first.selected) : EMPTY) as never,
            },
            events: {
              type: 'geojson',
              data: (first.points ? pointFeatures(first.points) : EMPTY) as never,
            },
          },
          layers: [
            { id: 'background', type: 'background', paint: { 'background-color': '#dfe7ec' } },
            {
              id: 'area-fill',
              type: 'fill',
              source: 'areas',
              paint: {
                'fill-color': [
                  'interpolate',
                  ['linear'],
                  ['get', 'share'],
                  0,
                  '#fff7ec',
                  0.25,
                  '#fdbb84',
                  0.6,
                  '#e34a33',
                  1,
                  '#7f0000',
                ],
                'fill-opacity': 0.85,
              },
            },
            {
              id: 'area-line',
              type: 'line',
              source: 'areas',
              paint: {
                'line-color': '#44505a',
                'line-width': ['case', ['==', ['get', 'selected'], 1], 3.5, 1],
              },
            },
            {
              id: 'event-points',
              type: 'circle',
              source: 'events',
              paint: {
                'circle-radius': 2.6,
                'circle-color': ['case', ['get', 'civilianTargeting'], '#b2182b', '#2b5b84'],
                'circle-stroke-color': '#000',
                'circle-stroke-width': ['case', ['==', ['get', 'actor1Category'], 'state-forces'], 1.2, 0],
                'circle-opacity': 0.75,
              },
            },
          ],
        },
        attributionControl: false,
        dragRotate: false,
      });
    } catch (e) {
      setFailed((e as Error).message);
      return;
    }
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    m.on('load', () => setReady(true));
    m.on('error', (e) => console.warn('map:', e.error?.message));
    m.on('click', 'area-fill', (e) => {
      const name = e.features?.[0]?.properties?.admin1;
      if (typeof name === 'string') onSelectRef.current?.(name);
    });
    m.on('mouseenter', 'area-fill', () => {
      m.getCanvas().style.cursor = 'pointer';
    });
    m.on('mouseleave', 'area-fill', () => {
      m.getCanvas().style.cursor = '';
    });
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  // Polygons and points are sent to the map separately: new points (or a new shading) do not make
  // the map re-cut the other layer.
  useEffect(() => {
    const m = map.current;
    if (!m || !ready || !areas) return;
    const first = initial.current;
    if (areas !== first.areas || measure !== first.measure || selected !== first.selected) {
      first.areas = undefined;
      (m.getSource('areas') as maplibregl.GeoJSONSource).setData(
        shadedAreas(areas, measure, selected) as never,
      );
      const bounds = areaBounds(areas);
      if (bounds) m.fitBounds(bounds, { padding: 24, animate: false });
    }
    setAreasSet(true);
  }, [areas, measure, selected, ready]);

  useEffect(() => {
    const m = map.current;
    if (!m || !ready || !points) return;
    const first = initial.current;
    if (points !== first.points) {
      first.points = undefined;
      (m.getSource('events') as maplibregl.GeoJSONSource).setData(pointFeatures(points) as never);
    }
    setPointsSet(true);
  }, [points, ready]);

  // Drawn: the first time the map is idle with both layers given to it.
  useEffect(() => {
    const m = map.current;
    if (!m || drawn || !areasSet || !pointsSet) return;
    const done = () => setDrawn(true);
    m.once('idle', done);
    // If the map went idle before this listener came, one more frame makes it say so again.
    m.triggerRepaint();
    return () => {
      m.off('idle', done);
    };
  }, [areasSet, pointsSet, drawn]);

  useEffect(() => {
    if (drawn || failed) onSettledRef.current?.();
  }, [drawn, failed]);

  if (failed) {
    return (
      <div className="error-box" role="alert">
        The map cannot be drawn in this browser ({failed}). The table beside it lists the same figures.
      </div>
    );
  }
  return (
    <div className="map-wrap" data-drawn={drawn ? 'yes' : 'no'} aria-busy={!drawn}>
      <div
        className="map"
        ref={box}
        role="img"
        aria-label={`Map of admin-1 areas shaded by ${measureLabel}`}
      />
      <div className="legend" aria-hidden="true">
        <span className="ramp" /> {measureLabel}: low → high · <span className="dot civ" /> attack on
        civilians · <span className="dot other" /> other event · <span className="dot state" /> state forces
      </div>
    </div>
  );
}

function shadedAreas(areas: NonNullable<AreaMapProps['areas']>, measure: string, selected?: string) {
  const max = Math.max(1, ...areas.features.map((f) => Number(f.properties[measure] ?? 0)));
  return {
    type: 'FeatureCollection',
    features: areas.features.map((f) => ({
      ...f,
      properties: {
        ...f.properties,
        share: Number(f.properties[measure] ?? 0) / max,
        selected: f.properties.admin1 === selected ? 1 : 0,
      },
    })),
  };
}

function pointFeatures(points: MapPoint[]) {
  return {
    type: 'FeatureCollection',
    features: points
      .filter((p) => p.latitude !== null && p.longitude !== null)
      .map((p) => ({
        type: 'Feature',
        properties: {
          id: p.id,
          civilianTargeting: p.civilianTargeting,
          actor1Category: p.actor1Category ?? '',
        },
        geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
      })),
  };
}

/** The box around the polygons, or null when there are none. */
function areaBounds(areas: NonNullable<AreaMapProps['areas']>): maplibregl.LngLatBounds | null {
  const bounds = new maplibregl.LngLatBounds();
  for (const f of areas.features) extend(bounds, (f.geometry as { coordinates: unknown })?.coordinates);
  return bounds.isEmpty() ? null : bounds;
}

function extend(bounds: maplibregl.LngLatBounds, coords: unknown): void {
  if (!Array.isArray(coords)) return;
  if (typeof coords[0] === 'number' && typeof coords[1] === 'number') {
    bounds.extend([coords[0], coords[1]]);
    return;
  }
  for (const c of coords) extend(bounds, c);
}
