import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The map's chunk and MapLibre (the largest part of the workbench) are loaded by a dynamic import on
 * the overview; named in index.html, the browser fetches and compiles it while the first code runs.
 * (Other pages fetch it too, once: assets are cached for good.)
 */
function preloadMapChunk(): Plugin {
  return {
    name: 'tandem-preload-map-chunk',
    enforce: 'post',
    transformIndexHtml(html, ctx) {
      const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'area-map');
      if (chunk?.type !== 'chunk') return [];
      // Its style sheet too: the dynamic import waits for it, and would only ask for it then.
      const css = [...(chunk.viteMetadata?.importedCss ?? [])].map((href) => ({
        tag: 'link',
        attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${href}` },
        injectTo: 'head' as const,
      }));
      // With the chunks it imports: Chromium fetches a preloaded module alone, so MapLibre (which
      // the map's own small chunk imports) was asked for only once that chunk ran, 0.6 s later.
      const modules = [chunk.fileName, ...chunk.imports]
        .filter((file) => !html.includes(`/${file}"`))
        .map((href) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${href}` },
          injectTo: 'head' as const,
        }));
      // And MapLibre's worker, which the map starts only once it is made: into the HTTP cache
      // while the page's own code and first answers load.
      const worker = Object.values(ctx.bundle ?? {})
        .filter((c) => c.type === 'asset' && c.fileName.includes('maplibre-gl-worker'))
        .map((c) => ({
          tag: 'link',
          attrs: { rel: 'prefetch', href: `/${c.fileName}` },
          injectTo: 'head' as const,
        }));
      return [...modules, ...css, ...worker];
    },
  };
}

// The workbench is served by `tandem serve` from web/dist; in development `vite` proxies /api to it.
export default defineConfig({
  root,
  plugins: [react(), preloadMapChunk()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:7400' } },
});
