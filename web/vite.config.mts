import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server the dev server (`npm run dev:web`) forwards to. */
const api = process.env.API_URL ?? 'http://localhost:4000';

const localesDir = fileURLToPath(new URL('../locales', import.meta.url));

/** The languages the server has catalogs for: the folders of locales/ with a ui.json (not help/). */
const languages = readdirSync(localesDir)
  .filter((name) => existsSync(`${localesDir}/${name}/ui.json`))
  .sort();

/**
 * The Team Access page. `npm run build:web` writes it to dist/web, which the API server serves at /
 * (index.html) and /assets/* (content-hashed, immutable).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  define: { __LANGUAGES__: JSON.stringify(languages) },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/graphql': api, '/locales': api, '/demo.json': api },
  },
});
