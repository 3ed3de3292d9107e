import { Catalog, keyFamilies } from '../modules/localization/catalog';
import { checkCatalogs } from '../modules/localization/catalog-check';
import { loadResources } from '../modules/localization/i18n';
import { ERROR_KEYS_IN_USE } from './error-keys';

/** `npm run i18n:check`: prints a completeness table and every catalog problem; exits 1 on any. */
const resources = loadResources();
const catalog = new Catalog(resources);
console.table(
  catalog.languages.map((lng) => ({
    language: lng,
    ...Object.fromEntries(catalog.namespaces.map((ns) => [`${ns} keys`, keyFamilies(resources[lng]?.[ns]).size])),
    complete: `${catalog.completeness(lng)} %`,
  })),
);
const problems = checkCatalogs(resources, ERROR_KEYS_IN_USE);
for (const problem of problems) console.error(`✗ ${problem}`);
console.log(problems.length === 0 ? '✓ catalogs complete and consistent' : `${problems.length} problem(s)`);
process.exitCode = problems.length === 0 ? 0 : 1;
