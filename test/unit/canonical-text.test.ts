import fc from 'fast-check';
import { canonicalEmail, canonicalText, hasForbiddenCharacter, hasVisibleCharacter, nameKey, NAME_KEY_LENGTH } from '../../src/core/canonical-text';
import { missingWorkspaceNames } from '../../src/modules/organization/workspace-names';

const FORBIDDEN = [
  '\u0000',
  '\u0009',
  '\u000A',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u009F',
  '\u2028',
  '\u2029',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
const INVISIBLE = [' ', '\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u0301', '\u0308', '\u034F', '\uFE0F', '\u3164', '\u2800', '\u3000'];

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const anyText = fc.string({ unit: 'binary', maxLength: 40 });

describe('canonicalText and canonicalEmail', () => {
  it('are idempotent, composed (NFC) and trimmed', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const canonical = canonicalText(value);
        expect(canonicalText(canonical)).toBe(canonical);
        expect(canonical.normalize('NFC')).toBe(canonical);
        expect(canonical).toBe(canonical.trim());
        expect(canonicalEmail(canonicalEmail(value))).toBe(canonicalEmail(value));
      }),
    );
  });

  it('make the composed and decomposed forms of a text one text', () => {
    fc.assert(fc.property(text, (value) => expect(canonicalText(value.normalize('NFD'))).toBe(canonicalText(value.normalize('NFC')))));
    expect(canonicalEmail(' Jose\u0301@ACME.Example ')).toBe('jos\u00e9@acme.example');
  });
});

describe('hasForbiddenCharacter', () => {
  it('finds a control or bidi character anywhere', () => {
    fc.assert(fc.property(text, fc.constantFrom(...FORBIDDEN), text, (before, bad, after) => expect(hasForbiddenCharacter(before + bad + after)).toBe(true)));
  });

  it('accepts letters of any script, accents, emoji and spaces', () => {
    for (const ok of ['Chloé', 'Léa', 'Le\u0301a', '山田 太郎', 'مريم الحسن', 'Zoë 🚀 👩🏽‍💻', "Seán O'Brien-Ní Dhuibhir", 'a\u200Db'])
      expect(hasForbiddenCharacter(ok)).toBe(false);
  });
});

describe('hasVisibleCharacter', () => {
  it('is false for any mix of whitespace, combining marks and zero-width characters', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 20 }), (chars) => expect(hasVisibleCharacter(chars.join(''))).toBe(false)));
  });

  it('is true as soon as one letter, digit, symbol or emoji is there', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 10 }), fc.constantFrom('a', 'Z', 'é', '7', '山', '😀', '-', '.'), (chars, visible) =>
        expect(hasVisibleCharacter([...chars, visible, ...chars].join(''))).toBe(true),
      ),
    );
  });
});

describe('nameKey', () => {
  it('ignores case, accents, composition, width and runs of whitespace', () => {
    const same = [
      ['EMEA', 'emea', 'Éméa', 'ＥＭＥＡ', ' e\u0301mea ', 'E\u200BMEA'],
      ['Straße', 'STRASSE', 'strasse'],
      ['North America', 'north  america', 'NORTH\u00A0AMERICA', 'North\tAmerica'],
      ['Default', 'default', 'DÉFAULT'],
    ];
    for (const group of same) expect(new Set(group.map(nameKey))).toEqual(new Set([nameKey(group[0])]));
    expect(nameKey('EMEA')).not.toBe(nameKey('APAC'));
    expect(nameKey('Nordics')).not.toBe(nameKey('Nordic s'));
  });

  it('is the same for the upper- and lower-case, composed and decomposed forms of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéèêëåäöüñçøæœßÀÉÎÕÜ 0123456789-'), maxLength: 30 }), (value) => {
        const key = nameKey(value);
        expect(nameKey(value.toUpperCase())).toBe(key);
        expect(nameKey(value.toLowerCase())).toBe(key);
        expect(nameKey(value.normalize('NFD'))).toBe(key);
      }),
    );
  });

  it('is stable (the key of a key is the key) and never longer than the column', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const key = nameKey(value);
        expect([...key].length).toBeLessThanOrEqual(NAME_KEY_LENGTH);
        if (!key.startsWith('sha256:')) expect(nameKey(key)).toBe(key);
      }),
    );
    expect(nameKey('ﷺ'.repeat(200))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('missingWorkspaceNames', () => {
  const refusal = (names: string[], existing?: { name: string; nameKey: string }[]) => {
    try {
      missingWorkspaceNames(names, existing);
      return null;
    } catch (error) {
      return (error as { extensions?: { reason?: string } }).extensions?.reason;
    }
  };

  it('answers the new names, canonical, and skips the exact name of an existing workspace', () => {
    expect(missingWorkspaceNames([' EMEA ', 'Default', 'Nordic\u0301s'])).toEqual(['EMEA', 'Nordi\u0107s']);
    expect(missingWorkspaceNames(['Default', 'APAC'], [{ name: 'APAC', nameKey: 'apac' }])).toEqual(['Default']);
  });

  it('refuses duplicates in the call and other spellings of an existing name', () => {
    expect(refusal(['EMEA', 'emea'])).toBe('DUPLICATE_WORKSPACE_NAME');
    expect(refusal(['default'])).toBe('DUPLICATE_WORKSPACE_NAME');
    expect(refusal(['apac'], [{ name: 'APAC', nameKey: 'apac' }])).toBe('DUPLICATE_WORKSPACE_NAME');
    expect(refusal(['a\u0000'])).toBe('WORKSPACE_NAME_FORBIDDEN_CHARACTER');
    expect(refusal(['\u200B'])).toBe('WORKSPACE_NAME_NOT_VISIBLE');
  });

  it('never answers two names with one key', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('EMEA', 'emea', 'Éméa', 'APAC', 'apac', 'Default', 'default', 'Nordics'), { maxLength: 6 }), (names) => {
        const result = refusal(names);
        if (result !== null) return;
        const missing = missingWorkspaceNames(names);
        expect(new Set(missing.map(nameKey)).size).toBe(missing.length);
      }),
    );
  });
});
