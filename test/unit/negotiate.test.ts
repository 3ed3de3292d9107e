import { negotiateLanguage, supportedLanguage } from '../../src/core/language';

const supported = ['en', 'sv', 'fr'];

describe('the language of a request', () => {
  it('takes an explicit locale first, reduced to its language', () => {
    expect(negotiateLanguage(supported, 'sv-SE', 'fr')).toBe('sv');
    expect(negotiateLanguage(supported, 'FR_ca', 'sv')).toBe('fr');
  });

  it('falls back from an unknown explicit locale to Accept-Language, then English', () => {
    expect(negotiateLanguage(supported, 'xx', 'fr;q=0.4, sv;q=0.9')).toBe('sv');
    expect(negotiateLanguage(supported, 'xx', undefined)).toBe('en');
  });

  it('honours q-values and regions in Accept-Language', () => {
    expect(negotiateLanguage(supported, null, 'sv-SE,sv;q=0.9,en;q=0.5')).toBe('sv');
    expect(negotiateLanguage(supported, null, 'de-DE, fr-CA;q=0.8, en;q=0.1')).toBe('fr');
    expect(negotiateLanguage(supported, null, 'en;q=0.2, fr;q=0.9')).toBe('fr');
    expect(negotiateLanguage(supported, null, 'de, da')).toBe('en');
    expect(negotiateLanguage(supported, null, 'garbage;;;q=x')).toBe('en');
  });

  it('maps codes to supported languages or nothing', () => {
    expect(supportedLanguage('sv', supported)).toBe('sv');
    expect(supportedLanguage(' fr-FR ', supported)).toBe('fr');
    expect(supportedLanguage('de', supported)).toBeNull();
    expect(supportedLanguage('', supported)).toBeNull();
  });

  it('compares codes case-insensitively and answers in the spelling listed (the pseudo-locale en-XA)', () => {
    const withPseudo = ['en', 'sv', 'fr', 'en-XA'];
    expect(['en-XA', 'en-xa', 'EN_xa'].map((code) => supportedLanguage(code, withPseudo))).toEqual(['en-XA', 'en-XA', 'en-XA']);
    expect(supportedLanguage('en-US', withPseudo)).toBe('en');
    expect(negotiateLanguage(withPseudo, null, 'en')).toBe('en');
    expect(negotiateLanguage(withPseudo, null, 'en-xa, sv;q=0.5')).toBe('en-XA');
  });
});
