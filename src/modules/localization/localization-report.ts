import type { Resource } from 'i18next';
import { DEFAULT_LOCALE } from '../../core/language';
import { Catalog } from './catalog';
import { catalogFindings } from './catalog-check';
import type { Finding } from './finding';
import { loadGlossary } from './glossary';
import { articlePairs, catalogPairs, glossaryFindings } from './glossary-check';
import { loadHelpSources } from './help-sources';
import { identicalFindings } from './identical-check';
import { keyUsageFindings, type KeyUses, loadKeptKeys, type SourceFile, scanKeyUses } from './key-usage';
import { readTranslationMemory } from '../../core/translation-memory-file';
import { englishHashes, freshnessFindings, translatedKeys } from './translation-memory';

/** The check's findings about one language. */
export interface LanguageReport {
  language: string;
  completeness: number;
  /** Keys (and `help:<topic>`) whose English changed since they were translated. */
  staleKeys: string[];
  /** Keys missing, empty, or equal to English without the glossary's leave. */
  untranslatedKeys: string[];
  findings: Finding[];
}

export interface ReportInputs {
  localesDir: string;
  resources: Resource;
  /** Every `errors` key the code can ask for (the composition root's ERROR_KEYS_IN_USE). */
  errorKeysInUse: ReadonlySet<string>;
  /** The code to scan for key uses; none or empty: unused and missing keys are not checked (a deploy without sources). */
  sources?: SourceFile[];
}

const UNTRANSLATED = new Set(['missing', 'empty', 'identical']);
const NAMESPACED_KEY = /^\w+:/;

function scannedErrorKeys(uses: KeyUses): string[] {
  return [...uses.keys].filter((key) => key.startsWith('errors:')).map((key) => key.slice('errors:'.length));
}

/**
 * Everything `npm run i18n:check` checks, per language: catalog parity, typography and number
 * formats, the glossary on catalogs and help articles, values identical to English, freshness against
 * the translation memory, and (for English) keys the code uses or never uses.
 */
export function buildReport({ localesDir, resources, errorKeysInUse, sources }: ReportInputs): LanguageReport[] {
  const glossary = loadGlossary(localesDir);
  const help = loadHelpSources(localesDir);
  const hashes = englishHashes(resources, help);
  // No sources (a deploy of dist/ alone): nothing to say about key use, rather than every key unused.
  const uses = sources && sources.length > 0 ? scanKeyUses(sources) : undefined;
  const errorKeys = new Set([...errorKeysInUse, ...(uses ? scannedErrorKeys(uses) : [])]);
  const all = [...catalogFindings(resources, errorKeys), ...(uses ? keyUsageFindings(resources, uses, loadKeptKeys(localesDir)) : [])];
  const catalog = new Catalog(resources);
  return catalog.languages.map((language) => {
    const findings = all.filter((finding) => finding.language === language);
    if (language !== DEFAULT_LOCALE) {
      const pairs = catalogPairs(resources, language);
      findings.push(
        ...glossaryFindings(glossary, language, [...pairs, ...articlePairs(help, language)]),
        ...identicalFindings(glossary, language, pairs),
        ...freshnessFindings(language, hashes, translatedKeys(resources, help, language), readTranslationMemory(localesDir, language)),
      );
    }
    const keysOf = (kinds: (kind: string) => boolean) =>
      [...new Set(findings.filter((f) => kinds(f.kind) && NAMESPACED_KEY.test(f.key)).map((f) => f.key))].sort();
    return {
      language,
      completeness: catalog.completeness(language),
      staleKeys: keysOf((kind) => kind === 'stale'),
      untranslatedKeys: keysOf((kind) => UNTRANSLATED.has(kind)),
      findings,
    };
  });
}

export const failures = (reports: LanguageReport[]): Finding[] => reports.flatMap((report) => report.findings.filter((f) => f.severity === 'failure'));
