import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Resource } from 'i18next';
import { DEFAULT_LOCALE } from '../../core/language';
import { keyFamilies } from './catalog';
import { failure, type Finding, warning } from './finding';
import { pluralFamilyOf } from './plural-keys';

/** A source file to scan, and the namespace a key it translates belongs to when the key names none. */
export interface SourceFile {
  path: string;
  text: string;
  defaultNamespace: string;
}

/** The catalog keys the code asks for: literal keys, and the prefixes of declared dynamic families. */
export interface KeyUses {
  /** `ns:key` (plural families without suffix). */
  keys: Set<string>;
  /** `ns:prefix.` whose every key counts as used, from `// i18n-dynamic: ns:prefix.*` declarations. */
  dynamicPrefixes: Set<string>;
  /** Keys built at run time (a template literal with a placeholder) whose file declares no family for them: `file: ns:prefix`. */
  undeclared: string[];
}

const STATIC_T = /\bt\(\s*(?:'([^']+)'|"([^"]+)"|`([^`$]*)`)/g;
const DYNAMIC_T = /\bt\(\s*`([^`$]*)\$\{/g;
const I18N_KEY = /i18nKey\s*[:=]\s*\{?\s*(?:'([^']+)'|"([^"]+)"|`([^`$]*)`)/g;
const DECLARATION = /i18n-dynamic:\s*([\w:.]+)\.\*/g;
const USE_TRANSLATION = /useTranslation\(\s*\[?\s*['"](\w+)['"]/;

function qualify(key: string, defaultNamespace: string): string {
  return /^\w+:/.test(key) ? key : `${defaultNamespace}:${key}`;
}

/** Finds the keys each file uses and checks that each dynamic key has its family declared in the file. */
export function scanKeyUses(files: SourceFile[]): KeyUses {
  const uses: KeyUses = { keys: new Set(), dynamicPrefixes: new Set(), undeclared: [] };
  for (const { path, text, defaultNamespace } of files) {
    const namespace = USE_TRANSLATION.exec(text)?.[1] ?? defaultNamespace;
    for (const pattern of [STATIC_T, I18N_KEY]) {
      for (const match of text.matchAll(pattern)) uses.keys.add(pluralFamilyOf(qualify(match[1] ?? match[2] ?? match[3], namespace)));
    }
    const declared = new Set([...text.matchAll(DECLARATION)].map((match) => `${qualify(match[1], namespace)}.`));
    declared.forEach((prefix) => uses.dynamicPrefixes.add(prefix));
    for (const match of text.matchAll(DYNAMIC_T)) {
      const prefix = qualify(match[1], namespace);
      // A key that is all placeholder after its namespace comes from the server's error codes, which ERROR_KEYS_IN_USE lists.
      if (/^\w+:$/.test(prefix)) continue;
      if (!declared.has(prefix)) uses.undeclared.push(`${path}: ${prefix}`);
    }
  }
  return uses;
}

/** `locales/keys-kept.json`: English keys kept although no code uses them yet, each with why (`ns:key` → note). */
export type KeptKeys = Record<string, string>;

export function loadKeptKeys(localesDir: string): KeptKeys {
  const file = join(localesDir, 'keys-kept.json');
  if (!existsSync(file)) return {};
  const { keys } = JSON.parse(readFileSync(file, 'utf8')) as { keys?: KeptKeys };
  return keys ?? {};
}

function walk(dir: string, extensions: RegExp, skip: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (skip.test(path)) return [];
    return entry.isDirectory() ? walk(path, extensions, skip) : extensions.test(entry.name) ? [path] : [];
  });
}

/**
 * The server's sources (`src/**\/*.ts`, whose i18next defaults to `errors`) and the page's
 * (`web/src/**\/*.{ts,tsx}`, defaulting to `ui`; the generated `gql/` left out), if present.
 */
export function projectSources(root: string): SourceFile[] {
  const read = (path: string, defaultNamespace: string): SourceFile => ({ path: relative(root, path), text: readFileSync(path, 'utf8'), defaultNamespace });
  return [
    ...walk(join(root, 'src'), /\.ts$/, /\.d\.ts$/).map((path) => read(path, 'errors')),
    ...walk(join(root, 'web', 'src'), /\.tsx?$/, /[\\/]gql$|\.d\.ts$/).map((path) => read(path, 'ui')),
  ];
}

/**
 * Keys the code uses that English lacks, English keys nothing uses (except `errors`, whose use
 * `errorKeysInUse` decides), and dynamic keys without a declared family.
 */
export function keyUsageFindings(resources: Resource, uses: KeyUses, kept: KeptKeys = {}): Finding[] {
  const findings: Finding[] = [];
  const english = new Set(Object.entries(resources[DEFAULT_LOCALE] ?? {}).flatMap(([ns, content]) => [...keyFamilies(content)].map((key) => `${ns}:${key}`)));
  const under = (key: string) => [...uses.dynamicPrefixes].some((prefix) => key.startsWith(prefix));
  for (const key of uses.keys) {
    if (!english.has(key))
      findings.push(failure(DEFAULT_LOCALE, 'missing-in-english', key, `${DEFAULT_LOCALE}: the code uses "${key}" but English has no such key`));
  }
  for (const key of english) {
    const used = uses.keys.has(key) || under(key);
    if (kept[key])
      findings.push(
        warning(
          DEFAULT_LOCALE,
          'unused',
          key,
          used ? `${DEFAULT_LOCALE}: "${key}" is used now: remove it from locales/keys-kept.json` : `${DEFAULT_LOCALE}: "${key}" is kept unused: ${kept[key]}`,
        ),
      );
    if (key.startsWith('errors:') || used || kept[key]) continue;
    findings.push(
      failure(
        DEFAULT_LOCALE,
        'unused',
        key,
        `${DEFAULT_LOCALE}: "${key}" is used nowhere in src/ or web/src/ (delete it, or declare its dynamic family with // i18n-dynamic: ns:prefix.*)`,
      ),
    );
  }
  for (const place of uses.undeclared) {
    findings.push(
      failure(
        DEFAULT_LOCALE,
        'undeclared-dynamic-key',
        place.split(': ')[1],
        `${DEFAULT_LOCALE}: ${place} is built at run time; declare its family beside it: // i18n-dynamic: ${place.split(': ')[1]}*`,
      ),
    );
  }
  return findings;
}
