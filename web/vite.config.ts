import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The map's chunk (MapLibre, the largest part of the workbench) is loaded by a dynamic import on the
 * overview; named in index.html, the browser fetches and compiles it while the first code runs.
 * (Other pages fetch it too, once: assets are cached for good.)
 */
function preloadMapChunk(): Plugin {
  return {
    name: 'tandem-preload-map-chunk',
    enforce: 'post',
    transformIndexHtml(_html, ctx) {
      const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'area-map');
      if (chunk?.type !== 'chunk') return [];
      // Its style sheet too: the dynamic import waits for it, and would only ask for it then.
      const css = [...(chunk.viteMetadata?.importedCss ?? [])].map((href) => ({
        tag: 'link',
        attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${href}` },
        injectTo: 'head' as const,
      }));
      return [
        {
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` },
          injectTo: 'head',
        },
        ...css,
      ];
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
