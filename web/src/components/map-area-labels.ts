// Area names written over the map: where each goes, and which are shown where they would collide.

/** Where to write an area's name: the centroid of its largest polygon's outer ring. */
export function labelPoint(geometry: unknown): [number, number] | null {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g?.coordinates) return null;
  const polygons = (g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates]) as number[][][][];
  let best: { area: number; at: [number, number] } | null = null;
  for (const poly of polygons) {
    const ring = poly[0];
    if (!ring?.length) continue;
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      a += cross;
      cx += (ring[j][0] + ring[i][0]) * cross;
      cy += (ring[j][1] + ring[i][1]) * cross;
    }
    if (a === 0) continue;
    const at: [number, number] = [cx / (3 * a), cy / (3 * a)];
    if (!best || Math.abs(a) > best.area) best = { area: Math.abs(a), at };
  }
  return best?.at ?? null;
}

/**
 * Hides area names that would overlap a name already shown, the names of the areas with the most
 * of the measure shown first (a phone's map had "Lower Varo" over "Orvo Capital District").
 */
export function declutter(labels: HTMLElement[]): void {
  const kept: DOMRect[] = [];
  const byWeight = [...labels].sort((a, b) => Number(b.dataset.weight ?? 0) - Number(a.dataset.weight ?? 0));
  for (const el of byWeight) {
    el.style.visibility = 'visible';
    const r = el.getBoundingClientRect();
    const hit = kept.some(
      (k) => r.left < k.right && r.right > k.left && r.top < k.bottom && r.bottom > k.top,
    );
    el.style.visibility = hit ? 'hidden' : 'visible';
    if (!hit) kept.push(r);
  }
}
