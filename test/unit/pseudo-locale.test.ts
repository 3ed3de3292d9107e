import fc from 'fast-check';
import { keyFamilies } from '../../src/modules/localization/catalog';
import { createI18n, loadResources } from '../../src/modules/localization/i18n';
import { PSEUDO_LOCALE, pseudoLocalize, pseudoLocalizeText } from '../../src/modules/localization/pseudo-locale';

/** What i18next and React read in a string: interpolations, nesting and tags, in order. */
const KEPT = /\{\{[^}]*\}\}|\$t\((?:[^()]|\([^()]*\))*\)|<\/?[\w-]*\s*\/?>/g;
const kept = (text: string) => text.match(KEPT) ?? [];

/** Every string of a catalog, with its dotted key. */
function strings(content: unknown, prefix = ''): [string, string][] {
  if (typeof content === 'string') return [[prefix, content]];
  return Object.entries(content as Record<string, unknown>).flatMap(([key, value]) => strings(value, prefix ? `${prefix}.${key}` : key));
}

const UNACCENTED = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter) => [pseudoLocalizeText(letter).slice(1, 2), letter]),
);
/** The English a pseudo-localized string was made from: brackets, padding and accents taken off. */
function english(pseudo: string): string {
  return [...pseudo.replace(/^\[/, '').replace(/( ·+)*\]$/, '')].map((char) => UNACCENTED[char] ?? char).join('');
}

describe('the pseudo-locale', () => {
  const resources = loadResources();

  it('accents, brackets and lengthens English by 40 %', () => {
    expect(pseudoLocalizeText('Team Access')).toBe('[Ţéåɱ Åççéšš ·····]');
    expect(pseudoLocalizeText('')).toBe('');
  });

  it('keeps interpolations with their formats, $t() nesting and Trans tags byte for byte', () => {
    expect(pseudoLocalizeText('{{count, number}} users connected')).toBe('[{{count, number}} ûšéŕš çöññéçţéð ····· ··]');
    expect(pseudoLocalizeText('See <0>{{name}}</0> and $t(ui:pages.teamAccess, {"count": {{count}} })')).toBe(
      '[Šéé <0>{{name}}</0> åñð $t(ui:pages.teamAccess, {"count": {{count}} }) ····]',
    );
    expect(pseudoLocalizeText('Bearer <token>, {{seconds, number(minimumIntegerDigits: 2)}} s')).toBe(
      '[Ɓéåŕéŕ <token>, {{seconds, number(minimumIntegerDigits: 2)}} š ·····]',
    );
  });

  it('keeps, for any text, what i18next reads, and the English under the accents', () => {
    const token = fc.constantFrom('{{name}}', '{{count, number}}', '<0>', '</0>', '<1/>', '$t(ui:pages.teamAccess)', '$t(key, {"a": "b"})');
    const words = fc.string({ unit: fc.constantFrom(...'abcXYZ ,.:1'.split('')), maxLength: 12 });
    const text = fc.array(fc.oneof(words, token), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (source) => {
        const pseudo = pseudoLocalizeText(source);
        expect(kept(pseudo)).toEqual(kept(source));
        if (source !== '') expect(english(pseudo)).toBe(source);
      }),
    );
  });

  it('has every key of the English catalogs, plural suffixes included, and their placeholders', () => {
    const pseudo = pseudoLocalize(resources.en);
    for (const ns of Object.keys(resources.en)) {
      const source = strings(resources.en[ns]);
      expect(strings(pseudo[ns]).map(([key]) => key)).toEqual(source.map(([key]) => key));
      expect(keyFamilies(pseudo[ns])).toEqual(keyFamilies(resources.en[ns]));
      for (const [key, value] of strings(pseudo[ns])) expect([key, kept(value)]).toEqual([key, kept(source.find(([k]) => k === key)![1])]);
    }
  });

  it('is a language i18next and Intl work with: English plurals and numbers, a name from ICU', () => {
    const i18n = createI18n({ ...resources, [PSEUDO_LOCALE]: pseudoLocalize(resources.en) });
    const t = i18n.getFixedT(PSEUDO_LOCALE, 'ui');
    expect(t('counts.usersConnected', { count: 1 })).toBe('[1 ûšéŕ çöññéçţéð ····· ·]');
    expect(t('counts.usersConnected', { count: 1234 })).toBe('[1,234 ûšéŕš çöññéçţéð ····· ··]');
    expect(new Intl.DisplayNames([PSEUDO_LOCALE], { type: 'language' }).of(PSEUDO_LOCALE)).toBe('English (Pseudo-Accents)');
    expect(new Intl.PluralRules(PSEUDO_LOCALE).select(2)).toBe('other');
  });
});
