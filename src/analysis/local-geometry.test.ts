import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { boxAround, greatCircleKm } from './great-circle.ts';
import { areaOfPoint, pointInGeometry } from './point-in-area.ts';

describe('great-circle distance', () => {
  it('gives a degree of a meridian as 2πR/360 km, and a quarter of the equator as πR/2', () => {
    assert.ok(Math.abs(greatCircleKm(0, 0, 1, 0) - (2 * Math.PI * 6371) / 360) < 1e-9);
    assert.ok(Math.abs(greatCircleKm(0, 0, 0, 90) - (Math.PI * 6371) / 2) < 1e-9);
  });

  it('every point within the radius lies in the box the query narrows with', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (lat, lon, r, bearing, km) => {
          // A point at distance r·km along a bearing, by the spherical destination formula.
          const d = (r * km) / 6371;
          const φ1 = (lat * Math.PI) / 180;
          const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(bearing));
          const λ2 =
            (lon * Math.PI) / 180 +
            Math.atan2(
              Math.sin(bearing) * Math.sin(d) * Math.cos(φ1),
              Math.cos(d) - Math.sin(φ1) * Math.sin(φ2),
            );
          const lat2 = (φ2 * 180) / Math.PI;
          const lon2 = (λ2 * 180) / Math.PI;
          const b = boxAround(lat, lon, km);
          const inLon = b.west < -180 || b.east > 180 ? true : lon2 >= b.west - 1e-9 && lon2 <= b.east + 1e-9;
          return lat2 >= b.south - 1e-9 && lat2 <= b.north + 1e-9 && inLon;
        },
      ),
    );
  });
});

describe('point in area', () => {
  const square = (w: number, s: number, e: number, n: number) => [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
  const withHole = { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] };

  it('places a point inside a polygon but not inside its hole', () => {
    assert.equal(pointInGeometry(2, 2, withHole), true);
    assert.equal(pointInGeometry(5, 5, withHole), false);
    assert.equal(pointInGeometry(11, 5, withHole), false);
  });

  it('finds the part of a multipolygon that holds the point, and names its area', () => {
    const areas = [
      {
        name: 'West',
        geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 1, 1)], [square(5, 5, 6, 6)]] },
      },
      { name: 'East', geometry: { type: 'Polygon', coordinates: [square(10, 0, 11, 1)] } },
    ];
    assert.equal(areaOfPoint(5.5, 5.5, areas), 'West');
    assert.equal(areaOfPoint(0.5, 10.5, areas), 'East');
    assert.equal(areaOfPoint(0, 0.5 + 50, areas), '');
  });
});
