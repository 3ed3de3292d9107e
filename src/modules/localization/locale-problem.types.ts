import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Finding, FindingKind } from './finding';

export enum LocaleProblemSeverity {
  FAILURE = 'FAILURE',
  WARNING = 'WARNING',
}

registerEnumType(LocaleProblemSeverity, {
  name: 'LocaleProblemSeverity',
  description: 'How bad a localization problem is.',
  valuesConfig: {
    FAILURE: { description: 'Fails `npm run i18n:check` (and CI): the language is not ready to ship as it is.' },
    WARNING: { description: 'Reported only: for example a stale string a translator reviewed and decided to keep.' },
  },
});

export enum LocaleProblemKind {
  MISSING = 'MISSING',
  EXTRA = 'EXTRA',
  PLURAL = 'PLURAL',
  EMPTY = 'EMPTY',
  VARIABLES = 'VARIABLES',
  TYPOGRAPHY = 'TYPOGRAPHY',
  NUMBER_FORMAT = 'NUMBER_FORMAT',
  IDENTICAL = 'IDENTICAL',
  GLOSSARY = 'GLOSSARY',
  STALE = 'STALE',
  UNTRACKED = 'UNTRACKED',
  ORPHAN = 'ORPHAN',
  UNUSED = 'UNUSED',
  MISSING_IN_ENGLISH = 'MISSING_IN_ENGLISH',
  UNDECLARED_DYNAMIC_KEY = 'UNDECLARED_DYNAMIC_KEY',
}

registerEnumType(LocaleProblemKind, {
  name: 'LocaleProblemKind',
  description: 'What a localization problem is about (README, Localization: the checks).',
  valuesConfig: {
    MISSING: { description: 'A key English has and this language lacks.' },
    EXTRA: { description: 'A key this language has and English does not.' },
    PLURAL: { description: "A plural form the language's CLDR rules need is missing." },
    EMPTY: { description: 'An empty value.' },
    VARIABLES: { description: "The value's {{variables}} differ from English's." },
    TYPOGRAPHY: { description: "The language's typography is broken (French spaces before : ; ! ? and inside « », Swedish ” quotes, en dash in ranges)." },
    NUMBER_FORMAT: { description: "A number is interpolated without the locale's number format." },
    IDENTICAL: { description: 'The value equals English and the glossary does not allow it: probably untranslated.' },
    GLOSSARY: { description: "English uses a glossary term (or brand name) and the translation does not use this language's term." },
    STALE: { description: 'English changed since the translation was made (translation memory).' },
    UNTRACKED: { description: 'The translation memory does not record what English the translation was made from.' },
    ORPHAN: { description: 'The translation memory records a key English no longer has.' },
    UNUSED: { description: 'An English key no code uses (reported on English).' },
    MISSING_IN_ENGLISH: { description: 'The code uses a key English lacks (reported on English).' },
    UNDECLARED_DYNAMIC_KEY: { description: 'The code builds a key at run time without declaring its family (reported on English).' },
  },
});

@ObjectType('LocaleProblem', { description: 'One finding of the localization check (`npm run i18n:check`) about a language.' })
export class LocaleProblemType {
  @Field(() => LocaleProblemSeverity, { description: 'FAILURE fails the check; WARNING is reported only.' })
  severity: LocaleProblemSeverity;

  @Field(() => LocaleProblemKind, { description: 'What the problem is about.' })
  kind: LocaleProblemKind;

  @Field({
    description: 'The key concerned: "namespace:dotted.key" (a plural family without its suffix), "help:<topic>" for a help article, or "" for a file.',
  })
  key: string;

  @Field({ description: 'What is wrong and how to fix it, in English (for translators and CI logs).' })
  message: string;
}

/** Each finding kind's GraphQL name; a kind added to FindingKind fails to compile until it is named here. */
const KIND: Record<FindingKind, LocaleProblemKind> = {
  missing: LocaleProblemKind.MISSING,
  extra: LocaleProblemKind.EXTRA,
  plural: LocaleProblemKind.PLURAL,
  empty: LocaleProblemKind.EMPTY,
  variables: LocaleProblemKind.VARIABLES,
  typography: LocaleProblemKind.TYPOGRAPHY,
  'number-format': LocaleProblemKind.NUMBER_FORMAT,
  identical: LocaleProblemKind.IDENTICAL,
  glossary: LocaleProblemKind.GLOSSARY,
  stale: LocaleProblemKind.STALE,
  untracked: LocaleProblemKind.UNTRACKED,
  orphan: LocaleProblemKind.ORPHAN,
  unused: LocaleProblemKind.UNUSED,
  'missing-in-english': LocaleProblemKind.MISSING_IN_ENGLISH,
  'undeclared-dynamic-key': LocaleProblemKind.UNDECLARED_DYNAMIC_KEY,
};

export function toLocaleProblem(finding: Finding): LocaleProblemType {
  return {
    severity: finding.severity === 'failure' ? LocaleProblemSeverity.FAILURE : LocaleProblemSeverity.WARNING,
    kind: KIND[finding.kind],
    key: finding.key,
    message: finding.message,
  };
}
