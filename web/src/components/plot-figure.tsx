import { useEffect, useRef } from 'react';

/**
 * Mounts a chart made by Observable Plot (which returns a DOM element) and replaces it when its
 * inputs change. `label` describes the chart for screen readers.
 */
export function PlotFigure({ make, label, deps }: { make: () => Element; label: string; deps: unknown[] }) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the chart depends on
  useEffect(() => {
    const el = make();
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, deps);
  return <figure className="plot" ref={ref} aria-label={label} />;
}
