import fc from 'fast-check';
import { COLLATION_KEY_LENGTH, collationKey, collationOf, type Collation } from '../../src/core/collation-key';

const LANGUAGES: [language: string, collation: Collation][] = [
  ['en', 'root'],
  ['fr', 'root'],
  ['sv', 'sv'],
];

// Latin letters with the accents of French, Swedish and their neighbours, the letters that are not a
// base letter plus accents (æ ø ß ł đ ð þ ı), decomposed accents, and what separates parts of a name.
const ALPHABET = [
  ...'aAbBcCdDeEiIlLnNoOsStTuUyYzZ',
  ...'àÀáÁâÂäÄåÅçÇèÈéÉêÊëËìíîïıñÑòóôÔõöÖøØùúûüÜýÿÆæœŒßłŁđĐðþÞőŐűęĘǖǕǻốąǎşțžŠčřůėğ',
  ...'0179',
  ' ',
  '\u00A0',
  '-',
  "'",
  '\u2018',
  '\u2019',
  '.',
  ',',
  '(',
  '&',
  '_',
  '\u0301',
  '\u0308',
  '\u0328',
  '\u0304',
  '\u200B',
  '\u00AD',
];
// Names are stored in NFC (core/canonical-text), and the collator is given them so: ICU compares some
// canonically equivalent spellings that are not in NFC differently ("ë" + ogonek is not "ę" + diaeresis
// in Swedish), while a key is the same for every spelling of a name.
const name = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 8 }).map((characters) => characters.join('').normalize('NFC'));

const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const primaryOf = (key: string) => key.split(' ')[0];

describe('collationKey: binary order of keys = Intl.Collator order of names', () => {
  describe.each(LANGUAGES)('%s (%s)', (language, collation) => {
    it('at the primary level: case and accents ignored, as Intl.Collator with sensitivity base', () => {
      const collator = new Intl.Collator(language, { sensitivity: 'base' });
      fc.assert(
        fc.property(name, name, (a, b) => {
          expect(binary(primaryOf(collationKey(a, collation)), primaryOf(collationKey(b, collation)))).toBe(Math.sign(collator.compare(a, b)));
        }),
        { numRuns: 5000 },
      );
    });

    it('at full strength: accents, then case break the ties as Intl.Collator does', () => {
      const collator = new Intl.Collator(language);
      fc.assert(
        fc.property(name, name, (a, b) => {
          expect(binary(collationKey(a, collation), collationKey(b, collation))).toBe(Math.sign(collator.compare(a, b)));
        }),
        { numRuns: 5000 },
      );
    });
  });

  const sortedBy = (collation: Collation, names: string[]) => [...names].sort((a, b) => binary(collationKey(a, collation), collationKey(b, collation)));

  // Expected orders as a native reader of each language checks them in a phone book or a dictionary.
  it('English and French: accents and case do not move a name (Émile before Léa before Lucas before Zoé)', () => {
    const names = ['Zoé', 'Lucas', 'Émile', 'zoé', 'Léa', 'Ålund', 'Anna', 'Örjan', 'Æsa', 'lea', 'Lea'];
    const expected = ['Æsa', 'Ålund', 'Anna', 'Émile', 'lea', 'Lea', 'Léa', 'Lucas', 'Örjan', 'zoé', 'Zoé'];
    expect(sortedBy('root', names)).toEqual(expected);
  });

  it('French: accents sort forward (modern French, no backward accents), œ is oe', () => {
    const names = ['Oscar', 'Œdipe', 'Zoé', 'Étienne', 'Chloé', 'Émile', 'Charles', 'Eloïse', 'Céline', 'Élodie', 'Cédric', 'côté', 'coté', 'côte', 'cote'];
    const expected = ['Cédric', 'Céline', 'Charles', 'Chloé', 'cote', 'coté', 'côte', 'côté', 'Élodie', 'Eloïse', 'Émile', 'Étienne', 'Œdipe', 'Oscar', 'Zoé'];
    expect(sortedBy('root', names)).toEqual(expected);
  });

  it('Swedish: Å, Ä, Ö are letters after Z, in that order; Æ sorts as Ä, Ø as Ö, Ü as Y', () => {
    expect(sortedBy('sv', ['Anna', 'Åsa', 'Ärla', 'Örjan', 'Zoran'])).toEqual(['Anna', 'Zoran', 'Åsa', 'Ärla', 'Örjan']);
    const names = ['Øystein', 'Ærlig', 'Mårten', 'Martin', 'Marta', 'Åke', 'Ülla', 'Yngve', 'Ulla', 'Émile', 'Erik', 'Zoran'];
    const expected = ['Émile', 'Erik', 'Marta', 'Martin', 'Mårten', 'Ulla', 'Ülla', 'Yngve', 'Zoran', 'Åke', 'Ærlig', 'Øystein'];
    expect(sortedBy('sv', names)).toEqual(expected);
  });

  it('punctuation is not ignored, as the collator: a space before a hyphen before an apostrophe before a letter', () => {
    const names = ['Annemarie', "Anne'Marie", 'Anne-Marie', 'Anne Marie', 'Anne’Marie'];
    expect(sortedBy('root', names)).toEqual(['Anne Marie', 'Anne-Marie', "Anne'Marie", 'Anne’Marie', 'Annemarie']);
  });

  it('one name has one key whatever its Unicode form, and invisible characters do not count', () => {
    expect(collationKey('Le\u0301a', 'sv')).toBe(collationKey('Léa', 'sv'));
    expect(collationKey('A\u030Asa', 'sv')).toBe(collationKey('Åsa', 'sv'));
    expect(collationKey('Lé\u200Ba', 'root')).toBe(collationKey('Léa', 'root'));
  });

  it('keys are printable (no control character) and fit the column, even for the longest names', () => {
    const longest = fc.array(fc.constantFrom(...ALPHABET, 'ß', 'æ'), { minLength: 150, maxLength: 200 }).map((characters) => characters.join(''));
    fc.assert(
      fc.property(longest, fc.constantFrom<Collation>('root', 'sv'), (text, collation) => {
        const key = collationKey(text, collation);
        expect([...key].length).toBeLessThanOrEqual(COLLATION_KEY_LENGTH);
        expect(key).not.toMatch(/[\p{Cc}]/u);
      }),
      { numRuns: 200 },
    );
  });

  it('Swedish requests sort by the Swedish collation; English, French and any other language by root', () => {
    expect(collationOf('sv')).toBe('sv');
    expect(collationOf('sv-FI')).toBe('sv');
    expect(collationOf('en')).toBe('root');
    expect(collationOf('fr')).toBe('root');
    expect(collationOf('en-XA')).toBe('root');
  });
});
