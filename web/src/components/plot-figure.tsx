import { useEffect, useRef, useState } from 'react';

export type PlotModule = typeof import('@observablehq/plot');

/**
 * Mounts a chart made by Observable Plot (which returns a DOM element) and replaces it when its
 * inputs change. Plot is loaded on first use, so pages show their figures before their charts.
 * `label` describes the chart for screen readers.
 */
export function PlotFigure({
  make,
  label,
  deps,
}: {
  make: (plot: PlotModule) => Element;
  label: string;
  deps: unknown[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let el: Element | null = null;
    let live = true;
    import('@observablehq/plot').then(
      (plot) => {
        if (!live) return;
        el = make(plot);
        ref.current?.replaceChildren(el);
      },
      (e: Error) => setFailed(e.message),
    );
    return () => {
      live = false;
      el?.remove();
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the chart depends on
  }, deps);
  if (failed) return <p className="error-box">The chart could not be drawn: {failed}</p>;
  return <figure className="plot" ref={ref} aria-label={label} />;
}
