import type { Resource } from 'i18next';
import { DEFAULT_LOCALE } from '../../core/language';
import { flatten } from './catalog-check';
import { failure, type Finding } from './finding';
import { englishUses, type Glossary, isExcepted, normalizeText, rendering, translationUses } from './glossary';
import type { HelpSource } from './help-sources';

/** One English text and its translation, under the key findings name (`ui:actions.connect`, `help:<topic>`). */
export interface TextPair {
  key: string;
  english: string;
  translation: string;
}

/** Every catalog value of `language` beside its English value, plural forms paired by suffix. */
export function catalogPairs(resources: Resource, language: string): TextPair[] {
  const pairs: TextPair[] = [];
  for (const [ns, content] of Object.entries(resources[DEFAULT_LOCALE] ?? {})) {
    const translated = flatten(resources[language]?.[ns]);
    for (const [key, english] of flatten(content)) {
      const translation = translated.get(key) ?? translated.get(key.replace(/_other$/, '_one'));
      if (translation !== undefined) pairs.push({ key: `${ns}:${key}`, english, translation });
    }
  }
  return pairs;
}

/** Each translated help article beside its English article. */
export function articlePairs(help: Map<string, Map<string, HelpSource>>, language: string): TextPair[] {
  const pairs: TextPair[] = [];
  for (const [topic, byLanguage] of help) {
    const english = byLanguage.get(DEFAULT_LOCALE);
    const translation = byLanguage.get(language);
    if (english && translation) pairs.push({ key: `help:${topic}`, english: english.body, translation: translation.body });
  }
  return pairs;
}

/**
 * Where the English text uses a glossary term (or a brand name), the translation must use that
 * language's term or one of its allowed forms (or the brand, unchanged), unless the glossary records
 * the place as an exception.
 */
export function glossaryFindings(glossary: Glossary, language: string, pairs: TextPair[]): Finding[] {
  const compounds = glossary.languages[language]?.compounds ?? false;
  const findings: Finding[] = [];
  for (const { key, english, translation } of pairs) {
    for (const term of glossary.terms) {
      const forms = rendering(term, language)?.forms;
      const applies = englishUses(term, english) || (term.labelKeys ?? []).includes(key);
      if (!forms || !applies || isExcepted(glossary, language, key, term.id)) continue;
      if (!translationUses(forms, language, translation, compounds)) {
        findings.push(
          failure(
            language,
            'glossary',
            key,
            `${language}: "${key}" says "${term.concept}" in English but not "${forms[0]}" (or ${forms.slice(1).join(', ') || 'no other form'})`,
          ),
        );
      }
    }
    for (const brand of glossary.brands.names) {
      if (!normalizeText(english).includes(brand) || isExcepted(glossary, language, key, brand)) continue;
      if (!normalizeText(translation).includes(brand))
        findings.push(failure(language, 'glossary', key, `${language}: "${key}" must keep the name "${brand}" as it is`));
    }
  }
  return findings;
}
