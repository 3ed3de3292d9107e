import { projectRoot, localesDir as defaultLocalesDir } from '../core/paths';
import { loadResources } from '../modules/localization/i18n';
import { projectSources } from '../modules/localization/key-usage';
import { buildReport, failures } from '../modules/localization/localization-report';
import { printReport } from '../modules/localization/report-printer';
import { ERROR_KEYS_IN_USE } from './error-keys';

/**
 * `npm run i18n:check [-- --locales <dir>]`: the localization report per language; exits 1 on any
 * failure (warnings, such as stale strings a translator decided to keep, only print).
 */
const at = process.argv.indexOf('--locales');
const localesDir = at > 0 ? process.argv[at + 1] : defaultLocalesDir;
const reports = buildReport({ localesDir, resources: loadResources(localesDir), errorKeysInUse: ERROR_KEYS_IN_USE, sources: projectSources(projectRoot) });
console.log(printReport(reports));
process.exitCode = failures(reports).length === 0 ? 0 : 1;
