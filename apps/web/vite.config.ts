import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the built app from `/` (same origin) and proxies nothing: in development Vite
// forwards `/api` to the API on port 3000.
export default defineConfig({
  plugins: [react()],
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
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/]@mantine/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
});
