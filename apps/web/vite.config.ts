import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { textsPlugin } from './vite-texts-plugin';

/**
 * The app's stylesheet goes between the shell of index.html and the app: in the head it would
 * hold back the shell's first paint until it has arrived; before #root it still comes before the
 * theme's styles, which the app writes inside #root.
 */
const stylesAfterShell: Plugin = {
  name: 'styles-after-shell',
  transformIndexHtml: {
    order: 'post',
    handler(html) {
      const links = html.match(/\s*<link rel="stylesheet"[^>]*>/g) ?? [];
      let result = html;
      for (const link of links) result = result.replace(link, '');
      const moved = links.map((link) => `${link.trim()}\n    `).join('');
      return result.replace('<div id="root">', `${moved}<div id="root">`);
    },
  },
};

/**
 * Mantine's `useId` keeps React's id for the first render, then replaces it with a random one in
 * a layout effect: every component with an id (inputs, popovers, menus: the header's and the
 * list's filters) is drawn a second time, synchronously, inside the commit of the first screen (a
 * quarter of that long task on a phone). React 19's ids are unique and stable: they are kept.
 */
const mantineStableIds: Plugin = {
  name: 'mantine-stable-ids',
  transform(code, id) {
    if (!/@mantine[\\/]hooks[\\/]esm[\\/]use-id[\\/]use-id\.mjs$/.test(id)) return undefined;
    if (!code.includes('setUuid(randomId())')) {
      this.error('@mantine/hooks changed its useId: check mantineStableIds in vite.config.ts');
    }
    return {
      code: [
        'import { useId as useReactId } from "react";',
        'export function useId(staticId) {',
        '  const reactId = useReactId();',
        '  return typeof staticId === "string" ? staticId : `mantine-${reactId.replace(/:/g, "")}`;',
        '}',
      ].join('\n'),
      map: null,
    };
  },
};

// The API serves the built app from `/` (same origin) and proxies nothing: in development Vite
// forwards `/api` to the API on port 3000.
export default defineConfig({
  plugins: [
    react(),
    mantineStableIds,
    stylesAfterShell,
    textsPlugin({
      dir: decodeURIComponent(new URL('./src/i18n/locales', import.meta.url).pathname),
      locales: ['vi', 'en'],
      bundled: 'vi',
    }),
    // Every text asset is also written as .br and .gz: the server sends the precompressed file
    // the browser accepts, with no compression work per request.
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      include: /\.(js|css|html|svg|json)$/,
      threshold: 1024,
    }),
  ],
  resolve: {
    alias: {
      '@spct/contracts': decodeURIComponent(
        new URL('../../packages/contracts/src/index.ts', import.meta.url).pathname,
      ),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each page needs (scripts/bundle-sizes.mjs).
    manifest: true,
    // One stylesheet, in the order of the imports: a page's CSS loaded later would be added to
    // the head, before the app's stylesheet (placed after the shell), and lose to Mantine's rules.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // React and the router change less often than the app: their chunk stays cached across
        // releases. Mantine and the other libraries are split with the pages that use them.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
