/** How bad a finding is: a failure makes `npm run i18n:check` exit 1; a warning is only reported. */
export type Severity = 'failure' | 'warning';

/** What a finding is about; the `locales` query serves the same names in upper case. */
export type FindingKind =
  | 'missing'
  | 'extra'
  | 'plural'
  | 'empty'
  | 'variables'
  | 'typography'
  | 'number-format'
  | 'identical'
  | 'glossary'
  | 'stale'
  | 'untracked'
  | 'orphan'
  | 'unused'
  | 'missing-in-english'
  | 'undeclared-dynamic-key';

/**
 * One thing the localization check found. `language` is the catalog it is about (English for keys the
 * code uses or does not use); `key` is `namespace:dotted.key` (a plural family without its suffix),
 * `help:<topic>` for a help article, or empty when the finding is about a file.
 */
export interface Finding {
  language: string;
  severity: Severity;
  kind: FindingKind;
  key: string;
  message: string;
}

export function failure(language: string, kind: FindingKind, key: string, message: string): Finding {
  return { language, severity: 'failure', kind, key, message };
}

export function warning(language: string, kind: FindingKind, key: string, message: string): Finding {
  return { language, severity: 'warning', kind, key, message };
}
