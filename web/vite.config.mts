import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { catalogVersion } from '../src/modules/localization/catalog';
import { loadResources } from '../src/modules/localization/i18n';

/** The API server the dev server (`npm run dev:web`) forwards to. */
const api = process.env.API_URL ?? 'http://localhost:4000';

const localesDir = fileURLToPath(new URL('../locales', import.meta.url));

/** The catalogs as the server reads them at start-up (src/modules/localization/i18n.ts). */
const resources = loadResources(localesDir);

/** The languages the server has the page's catalog (ui) for. */
const languages = Object.keys(resources)
  .filter((lng) => resources[lng].ui)
  .sort();

/**
 * The version of the catalogs this build was made with, which the page puts in every catalog URL
 * (/locales/sv/ui.json?v=…) so a deploy never mixes cached catalogs of another build with this code. The
 * server answers the URL of its own version as immutable: both compute it with the same function over
 * what the same loader reads.
 */
const catalogVersionOfThisBuild = catalogVersion(resources);

/**
 * The Team Access page. `npm run build:web` writes it to dist/web, which the API server serves at /
 * (index.html) and /assets/* (content-hashed, immutable).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  define: { __LANGUAGES__: JSON.stringify(languages), __CATALOG_VERSION__: JSON.stringify(catalogVersionOfThisBuild) },
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
