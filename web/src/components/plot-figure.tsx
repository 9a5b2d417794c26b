import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type PlotModule = typeof import('@observablehq/plot');

/**
 * Mounts a chart made by Observable Plot (which returns a DOM element) and replaces it when its
 * inputs change or its box changes width (a phone, a window resized). Plot is loaded on first use,
 * so pages show their figures before their charts. `make` gets the width to draw at; `label`
 * describes the chart for screen readers.
 */
export function PlotFigure({
  make,
  label,
  deps,
}: {
  make: (plot: PlotModule, width: number) => Element;
  label: string;
  deps: unknown[];
}) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // Until Plot has loaded and drawn (a few seconds on a busy machine), the box says so.
  const [drawn, setDrawn] = useState(false);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setWidth(Math.round(box.clientWidth / 20) * 20);
    measure();
    const watch = new ResizeObserver(measure);
    watch.observe(box);
    return () => watch.disconnect();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the chart depends on
  useEffect(() => {
    if (!width) return;
    let live = true;
    // The chart drawn before stays until its replacement is ready (a resize, new figures): removing
    // it first left an empty frame while Plot drew again.
    import('@observablehq/plot')
      .then((plot) => {
        if (!live) return;
        ref.current?.replaceChildren(make(plot, width));
        setDrawn(true);
      })
      .catch((e: Error) => {
        if (!live) return;
        // Not the chart of the figures before, shown as if it were these.
        ref.current?.replaceChildren();
        setFailed(e.message);
      });
    return () => {
      live = false;
    };
  }, [...deps, width, i18n.language]);
  if (failed) return <p className="error-box">{t('common.chartFailed', { reason: failed })}</p>;
  return (
    <>
      {!drawn && (
        <p className="loading" role="status" aria-live="polite">
          {t('common.drawingChart')}
        </p>
      )}
      <figure className={drawn ? 'plot' : 'plot drawing'} ref={ref} aria-label={label} />
    </>
  );
}
