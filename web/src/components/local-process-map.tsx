import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followLanguage, mapLocale } from '../i18n/map-locale.ts';
import { addBasemap } from './map-basemap.ts';

maplibregl.setWorkerUrl(workerUrl);

export interface LocalProcessPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  status: string;
  /** Events after minus events before, within the radius. */
  change: number;
}

/** Status colours: one hue per stage, colour-blind safe (Okabe–Ito). */
export const STATUS_COLOURS: Record<string, string> = {
  negotiating: '#E69F00',
  signed: '#0072B2',
  holding: '#009E73',
  broken: '#D55E00',
};

/**
 * Local processes on a map with no tile server: each a dot coloured by status, ringed red where
 * violence around it rose after its date and green where it fell, larger the bigger the change.
 * A click opens the process.
 */
export function LocalProcessMap({
  points,
  areas,
  onOpen,
}: {
  points: LocalProcessPoint[];
  /** The country's admin-1 polygons, drawn as outlines for orientation (none when not loaded). */
  areas: { type: 'FeatureCollection'; features: { geometry: unknown }[] } | null;
  onOpen: (id: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();
  const [failed, setFailed] = useState<string | null>(null);
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;

  useEffect(() => {
    if (!box.current || !points.length) return;
    const corners = (areas?.features ?? []).flatMap((f) => ringPoints(f.geometry));
    const lats = [...points.map((p) => p.latitude), ...corners.map(([, lat]) => lat)];
    const lons = [...points.map((p) => p.longitude), ...corners.map(([lon]) => lon)];
    const pad = 0.5;
    let m: maplibregl.Map;
    try {
      m = new maplibregl.Map({
        container: box.current,
        locale: mapLocale(),
        bounds: [
          [Math.min(...lons) - pad, Math.min(...lats) - pad],
          [Math.max(...lons) + pad, Math.max(...lats) + pad],
        ],
        style: {
          version: 8,
          sources: {
            areas: { type: 'geojson', data: (areas ?? { type: 'FeatureCollection', features: [] }) as never },
            processes: {
              type: 'geojson',
              data: {
                type: 'FeatureCollection',
                features: points.map((p) => ({
                  type: 'Feature',
                  geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
                  properties: {
                    id: p.id,
                    colour: STATUS_COLOURS[p.status] ?? '#666',
                    ring: p.change > 0 ? '#b2182b' : p.change < 0 ? '#1a9850' : '#ffffff',
                    size: 5 + Math.min(10, Math.sqrt(Math.abs(p.change)) * 2),
                  },
                })),
              } as never,
            },
          },
          layers: [
            { id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } },
            {
              id: 'area-fill',
              type: 'fill',
              source: 'areas',
              paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.7 },
            },
            {
              id: 'area-line',
              type: 'line',
              source: 'areas',
              paint: { 'line-color': '#8a97a3', 'line-width': 1 },
            },
            {
              id: 'process-points',
              type: 'circle',
              source: 'processes',
              paint: {
                'circle-radius': ['get', 'size'],
                'circle-color': ['get', 'colour'],
                'circle-stroke-color': ['get', 'ring'],
                'circle-stroke-width': 2.5,
                'circle-opacity': 0.9,
              },
            },
          ],
        },
        attributionControl: false,
        validateStyle: false,
        dragRotate: false,
        renderWorldCopies: false,
      });
    } catch (e) {
      setFailed((e as Error).message);
      return;
    }
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    m.on('click', 'process-points', (e) => {
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === 'string') onOpenRef.current(id);
    });
    m.on('mouseenter', 'process-points', () => {
      m.getCanvas().style.cursor = 'pointer';
    });
    m.on('mouseleave', 'process-points', () => {
      m.getCanvas().style.cursor = '';
    });
    m.on('idle', () => box.current?.setAttribute('data-drawn', 'true'));
    // The offline basemap (rivers, lakes, borders, towns) comes once the processes are drawn.
    let removeBasemap = () => {};
    m.once('idle', () => {
      removeBasemap = addBasemap(m, {
        before: 'process-points',
        onDrawn: (summary) => box.current?.setAttribute('data-basemap', summary),
      });
    });
    const unfollow = followLanguage(m);
    return () => {
      unfollow();
      removeBasemap();
      m.remove();
    };
  }, [points, areas]);

  if (failed) return <p className="error-box">{t('maps.localCannotDraw', { reason: failed })}</p>;
  return (
    <figure className="local-map">
      <div
        ref={box}
        className="local-map-canvas"
        role="img"
        aria-label={t('maps.localLabel', { count: points.length })}
      />
      <figcaption>
        {Object.entries(STATUS_COLOURS).map(([s, c]) => (
          <span key={s} className="legend-item">
            <span className="legend-dot" style={{ background: c }} />{' '}
            {t(`maps.localStatus.${s}`, { defaultValue: s })}
          </span>
        ))}
        <span className="legend-item">
          <span className="legend-dot ring-up" /> {t('maps.rose')}
        </span>
        <span className="legend-item">
          <span className="legend-dot ring-down" /> {t('maps.fell')}
        </span>
        <span className="legend-item">
          <span className="legend-river" /> {t('maps.river')}
        </span>
        <span className="map-credit">{t('maps.credit')}</span>
      </figcaption>
    </figure>
  );
}

/** The positions of a GeoJSON polygon or multipolygon, for the map's bounds. */
function ringPoints(geometry: unknown): [number, number][] {
  const out: [number, number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v) && typeof v[0] === 'number') out.push([v[0] as number, v[1] as number]);
    else if (Array.isArray(v)) for (const x of v) walk(x);
  };
  walk((geometry as { coordinates?: unknown } | null)?.coordinates);
  return out;
}
