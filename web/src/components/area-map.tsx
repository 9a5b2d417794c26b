import i18next from 'i18next';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { num } from '../format.ts';
import { followLanguage, mapLocale } from '../i18n/map-locale.ts';
import { declutter, labelPoint } from './map-area-labels.ts';
import { addBasemap } from './map-basemap.ts';
import { legendSteps } from './map-legend.ts';

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
  /** Called with an event's id when its point is clicked. */
  onSelectEvent?: (id: number) => void;
  /** Called once, when the areas and points are first drawn, or when the map cannot be drawn. */
  onSettled?: () => void;
}

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
  onSelectEvent,
  onSettled,
}: AreaMapProps) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);
  // The basemap's layers once they are drawn, and how many features each shows in view, written on
  // the map's box (`lakes=2 rivers=14 borders=2 towns=180`) for a reader's tools and tests.
  const [basemap, setBasemap] = useState('');
  // Whether each layer has been given its data: the first idle after both is the map drawn.
  const given = useRef({ areas: false, points: false });
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onSelectEventRef = useRef(onSelectEvent);
  onSelectEventRef.current = onSelectEvent;
  const measureRef = useRef(measureLabel);
  measureRef.current = measureLabel;
  const labels = useRef<maplibregl.Marker[]>([]);
  const declutterOn = useRef(false);
  const onSettledRef = useRef(onSettled);
  onSettledRef.current = onSettled;
  // What the map was last given. Data that is there when it is created goes into the style itself,
  // so the first frames draw it (no wait for an empty map to load and a second trip to the worker).
  const shown = useRef({ areas, points, measure, selected });

  useEffect(() => {
    if (!box.current) return;
    const first = shown.current;
    const bounds = viewBounds(first.areas, first.points);
    let m: maplibregl.Map;
    try {
      m = new maplibregl.Map({
        container: box.current,
        locale: mapLocale(),
        ...(bounds ? { bounds, fitBoundsOptions: { padding: 24 } } : {}),
        style: {
          version: 8,
          // Polygons and points in one source: cut into the same tiles, they arrive in one frame
          // (in a browser without a GPU, every frame of the map costs a read-back of the canvas).
          // No background layer: the canvas is clear where nothing is drawn and the box's own colour
          // shows through, which spares a full-canvas fill on every frame and a shader to compile.
          sources: {
            map: {
              type: 'geojson',
              data: mapFeatures(first.areas, first.points, first.measure, first.selected) as never,
            },
          },
          layers: [
            {
              id: 'area-fill',
              type: 'fill',
              source: 'map',
              filter: ['==', ['get', 'kind'], 'area'],
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
                // The outline layer below draws the edges: an antialiased fill edge under it would
                // only cost one more shader to compile before the first frame.
                'fill-antialias': false,
              },
            },
            {
              id: 'area-line',
              type: 'line',
              source: 'map',
              filter: ['==', ['get', 'kind'], 'area'],
              paint: {
                'line-color': '#44505a',
                'line-width': ['case', ['==', ['get', 'selected'], 1], 3.5, 1],
              },
            },
            {
              id: 'event-points',
              type: 'circle',
              source: 'map',
              filter: ['==', ['get', 'kind'], 'event'],
              // `civ` and `state` are 0 or 1 (see mapFeatures).
              paint: {
                'circle-radius': 2.6,
                'circle-color': ['case', ['==', ['get', 'civ'], 1], '#b2182b', '#2b5b84'],
                'circle-stroke-color': '#000',
                'circle-stroke-width': ['*', ['get', 'state'], 1.2],
                'circle-opacity': 0.75,
              },
            },
          ],
        },
        attributionControl: false,
        // The style is written here, not loaded: checking it against the specification on every
        // visit only costs time before the first frame.
        validateStyle: false,
        dragRotate: false,
        // One country's areas: copies of the world to either side only multiply the tiles to cut.
        renderWorldCopies: false,
      });
    } catch (e) {
      setFailed((e as Error).message);
      return;
    }
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    given.current = { areas: first.areas !== undefined, points: first.points !== undefined };
    m.on('load', () => setReady(true));
    // Idle comes only once every source has been cut and drawn, so no frame is asked for to tell.
    const onIdle = () => {
      if (!given.current.areas || !given.current.points) return;
      m.off('idle', onIdle);
      setDrawn(true);
    };
    m.on('idle', onIdle);
    m.on('error', (e) => console.warn('map:', e.error?.message));
    m.on('click', 'area-fill', (e) => {
      const name = e.features?.[0]?.properties?.admin1;
      if (typeof name === 'string') onSelectRef.current?.(name);
    });
    m.on('click', 'event-points', (e) => {
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === 'number') onSelectEventRef.current?.(id);
    });
    // Hovering an area or a point shows its figures; leaving the map hides them.
    const tip = new maplibregl.Popup({ closeButton: false, closeOnClick: false, className: 'map-tip' });
    m.on('mousemove', (e) => {
      const f = m.queryRenderedFeatures(e.point, { layers: ['event-points', 'area-fill'] })[0];
      m.getCanvas().style.cursor = f ? 'pointer' : '';
      if (!f) {
        tip.remove();
        return;
      }
      tip
        .setLngLat(e.lngLat)
        .setHTML(tipHtml(f.properties ?? {}, measureRef.current))
        .addTo(m);
    });
    m.getCanvas().addEventListener('mouseleave', () => tip.remove());
    map.current = m;
    const unfollow = followLanguage(m);
    return () => {
      unfollow();
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    const last = shown.current;
    const areasChanged = areas !== last.areas || measure !== last.measure || selected !== last.selected;
    if (areasChanged || points !== last.points) {
      shown.current = { areas, points, measure, selected };
      (m.getSource('map') as maplibregl.GeoJSONSource).setData(
        mapFeatures(areas, points, measure, selected) as never,
      );
      const bounds = areasChanged || (!last.points && points) ? viewBounds(areas, points) : null;
      if (bounds) m.fitBounds(bounds, { padding: 24, animate: false });
    }
    // Area names, as HTML over the map: MapLibre's own text needs glyph files from a server.
    if (areas !== undefined && (labels.current.length === 0 || areasChanged)) {
      for (const l of labels.current) l.remove();
      labels.current = areas.features.flatMap((f) => {
        const at = labelPoint(f.geometry);
        const name = f.properties.admin1;
        if (!at || typeof name !== 'string') return [];
        const el = document.createElement('span');
        el.className = 'map-label';
        el.textContent = name.replace(/ (province|state|region)$/i, '');
        el.dataset.weight = String(Number(f.properties[measure] ?? 0));
        return [new maplibregl.Marker({ element: el }).setLngLat(at).addTo(m)];
      });
      // Names that would overlap are thinned, the busiest areas' kept, after each move or zoom.
      const thin = () => declutter(labels.current.map((l) => l.getElement()));
      requestAnimationFrame(thin);
      if (!declutterOn.current) {
        declutterOn.current = true;
        m.on('moveend', () => declutter(labels.current.map((l) => l.getElement())));
      }
    }
    given.current = { areas: areas !== undefined, points: points !== undefined };
  }, [areas, points, measure, selected, ready]);

  useEffect(() => {
    if (drawn || failed) onSettledRef.current?.();
  }, [drawn, failed]);

  // The basemap (water, borders and towns, served by Tandem) comes once the figures are drawn, so it
  // never delays them; without it the map still reads.
  useEffect(() => {
    const m = map.current;
    if (!drawn || !m) return;
    return addBasemap(m, {
      before: 'event-points',
      onDrawn: setBasemap,
    });
  }, [drawn]);

  const max = Math.max(0, ...(areas?.features ?? []).map((f) => Number(f.properties[measure] ?? 0)));

  if (failed) {
    return (
      <div className="error-box" role="alert">
        {t('maps.cannotDraw', { reason: failed })}
      </div>
    );
  }
  return (
    <div className="map-wrap" data-drawn={drawn ? 'yes' : 'no'} data-basemap={basemap} aria-busy={!drawn}>
      <div className="map" ref={box} role="img" aria-label={t('maps.mapLabel', { measure: measureLabel })} />
      <div className="legend">
        {/* French sets a no-break space before the colon. */}
        {measureLabel}
        {i18n.language === 'fr' ? '\u00a0:' : ':'}{' '}
        <span className="scale">
          {legendSteps(max).map((step) => (
            <span key={step.value} style={{ background: step.colour, color: step.dark ? '#fff' : undefined }}>
              {num(step.value)}
            </span>
          ))}
        </span>{' '}
        · <span className="dot civ" /> {t('maps.civ')} · <span className="dot other" /> {t('maps.other')} ·{' '}
        <span className="dot state" /> {t('maps.byState')} · <span className="river" /> {t('maps.river')} ·{' '}
        {t('maps.hover')}
        <span className="map-credit">{t('maps.credit')}</span>
      </div>
    </div>
  );
}

/**
 * The map's one source: the polygons shaded by `measure` (kind 'area'), then the events (kind
 * 'event'). An event carries only what the points are drawn by, as numbers: the worker cuts and
 * encodes every property of thousands of points before the first frame.
 */
function mapFeatures(
  areas: AreaMapProps['areas'],
  points: MapPoint[] | undefined,
  measure: string,
  selected?: string,
) {
  const polygons = areas?.features ?? [];
  const max = Math.max(1, ...polygons.map((f) => Number(f.properties[measure] ?? 0)));
  return {
    type: 'FeatureCollection',
    features: [
      ...polygons.map((f) => ({
        ...f,
        properties: {
          ...f.properties,
          kind: 'area',
          share: Number(f.properties[measure] ?? 0) / max,
          selected: f.properties.admin1 === selected ? 1 : 0,
        },
      })),
      ...(points ?? [])
        .filter((p) => p.latitude !== null && p.longitude !== null)
        .map((p) => ({
          type: 'Feature',
          properties: {
            kind: 'event',
            id: p.id,
            civ: p.civilianTargeting ? 1 : 0,
            state: p.actor1Category === 'state-forces' ? 1 : 0,
          },
          geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
        })),
    ],
  };
}

/**
 * Where to look: the box around the polygons, or, for a country whose boundaries were never
 * loaded, around its events (else the map would open on the whole world).
 */
function viewBounds(
  areas: AreaMapProps['areas'],
  points: AreaMapProps['points'],
): maplibregl.LngLatBounds | null {
  const fromAreas = areas ? areaBounds(areas) : null;
  if (fromAreas || !points?.length) return fromAreas;
  const bounds = new maplibregl.LngLatBounds();
  for (const p of points)
    if (p.longitude !== null && p.latitude !== null) bounds.extend([p.longitude, p.latitude]);
  return bounds.isEmpty() ? null : bounds;
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

const FIGURES = ['events', 'fatalities', 'civilianTargetingEvents', 'stateCivilianTargetingEvents'];

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The figures shown on hover: an area's counts for the period, or what an event point is. */
function tipHtml(p: Record<string, unknown>, measureLabel: string): string {
  if (p.kind === 'event') {
    const what = p.civ === 1 ? i18next.t('maps.tipCiv') : i18next.t('maps.tipOther');
    return `<strong>${escapeHtml(what)}</strong>${p.state === 1 ? `<br>${escapeHtml(i18next.t('maps.tipState'))}` : ''}<br>${escapeHtml(i18next.t('maps.tipOpen'))}`;
  }
  const rows = FIGURES.map((k) => escapeHtml(`${num(Number(p[k] ?? 0))} ${i18next.t(`maps.figures.${k}`)}`));
  if (p.threat !== undefined)
    rows.push(
      escapeHtml(
        i18next.t('maps.threatScore', {
          score: num(Math.round(Number(p.threat) * 10) / 10),
          measure: measureLabel,
        }),
      ),
    );
  return `<strong>${escapeHtml(String(p.admin1 ?? ''))}</strong><br>${rows.join('<br>')}`;
}
