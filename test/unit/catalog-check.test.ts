import { ERROR_KEYS_IN_USE } from '../../src/app/error-keys';
import { checkCatalogs } from '../../src/modules/localization/catalog-check';
import { createI18n, loadResources } from '../../src/modules/localization/i18n';

describe('the catalogs in locales/', () => {
  const resources = loadResources();
  const i18n = createI18n(resources);

  it('are complete and consistent in every language (what `npm run i18n:check` checks)', () => {
    expect(Object.keys(resources).sort()).toEqual(['en', 'fr', 'sv']);
    expect(checkCatalogs(resources, ERROR_KEYS_IN_USE)).toEqual([]);
  });

  it("use the documents' words for the UI labels", () => {
    const label = (lng: string, key: string) => i18n.getFixedT(lng, 'ui')(key);
    expect(['en', 'sv', 'fr'].map((lng) => label(lng, 'actions.connect'))).toEqual(['Connect', 'Anslut', 'Se connecter']);
    expect(['en', 'sv', 'fr'].map((lng) => label(lng, 'pages.teamManagement'))).toEqual(['Team Management', 'Teamhantering', 'Gestion des équipes']);
    expect(['en', 'sv', 'fr'].map((lng) => label(lng, 'pages.teamAccess'))).toEqual(['Team Access', 'Team Access', 'Accès d’équipe']);
    expect(['en', 'sv'].map((lng) => label(lng, 'workspace.default'))).toEqual(['Default Marketo workspace', 'Marketo standardarbetsyta']);
    expect(label('sv', 'tabs.userAccess')).toBe('Användaråtkomst');
    expect(label('sv', 'workspace.dropdown')).toBe('Arbetsyta');
  });

  it('follow CLDR plurals: French 0 and 1 are singular, a million takes the "many" form', () => {
    const fr = i18n.getFixedT('fr', 'ui');
    expect(fr('counts.usersConnected', { count: 0 })).toBe('0 utilisateur connecté');
    expect(fr('counts.usersConnected', { count: 1 })).toBe('1 utilisateur connecté');
    expect(fr('counts.usersConnected', { count: 3 })).toBe('3 utilisateurs connectés');
    expect(fr('counts.usersConnected', { count: 1_000_000 })).toBe('1\u202f000\u202f000 d’utilisateurs connectés');
    const sv = i18n.getFixedT('sv', 'ui');
    expect(sv('counts.usersConnected', { count: 0 })).toBe('0 användare anslutna');
    expect(sv('counts.usersConnected', { count: 1 })).toBe('1 användare ansluten');
  });

  it("show numbers in each language's format (Intl, through i18next's number formatter) while plurals still follow the raw count", () => {
    const users = (lng: string, count: number) => i18n.getFixedT(lng, 'ui')('counts.users', { count });
    expect(['en', 'sv', 'fr'].map((lng) => users(lng, 1000))).toEqual(['1,000 users', '1\u00a0000 användare', '1\u202f000 utilisateurs']);
    expect(['en', 'sv', 'fr'].map((lng) => users(lng, 1_000_000))).toEqual([
      '1,000,000 users',
      '1\u00a0000\u00a0000 användare',
      '1\u202f000\u202f000 d’utilisateurs',
    ]);
    // French counts 0 ≤ n < 2 as one: "1,5 utilisateur"; English and Swedish take the plural.
    expect(['en', 'sv', 'fr'].map((lng) => users(lng, 1.5))).toEqual(['1.5 users', '1,5 användare', '1,5 utilisateur']);
    const timeLeft = (lng: string) => i18n.getFixedT(lng, 'ui')('notices.timeLeft', { minutes: 9, seconds: 5 });
    expect(['en', 'sv', 'fr'].map(timeLeft)).toEqual(['Time left: 9:05', 'Tid kvar: 9:05', 'Temps restant\u00a0: 9:05']);
  });

  it('find numbers interpolated without the number format, in every language, plural keys included', () => {
    const resources = {
      en: { ui: { a: 'At most {{max, number}}', b_one: '{{count, number}} user', b_other: '{{count, number}} users', c: 'Hello {{name}}' } },
      sv: { ui: { a: 'Högst {{max}}', b_one: '{{count, number}} användare', b_other: '{{count}} användare', c: 'Hej {{name}}' } },
      fr: {
        ui: {
          a: 'Au plus {{max, number}}',
          b_one: '{{ count , number }} utilisateur',
          b_many: '{{count, number}} d’utilisateurs',
          b_other: '{{count}} utilisateurs',
          c: 'Bonjour {{name}}',
        },
      },
    };
    const problems = checkCatalogs(resources, new Set()).filter((problem) => / the number /.test(problem));
    expect(problems).toEqual([
      'sv/ui: "a" shows the number {{max}} without the locale\'s format ({{max, number}})',
      'sv/ui: "b_other" shows the number {{count}} without the locale\'s format ({{count, number}})',
      'fr/ui: "b_other" shows the number {{count}} without the locale\'s format ({{count, number}})',
    ]);
  });

  it('fall back from a region to its language, and from an unknown language to English', () => {
    expect(i18n.getFixedT('sv-SE', 'ui')('actions.connect')).toBe('Anslut');
    expect(i18n.getFixedT('fr-CA', 'ui')('actions.connect')).toBe('Se connecter');
    expect(i18n.getFixedT('de', 'ui')('actions.connect')).toBe('Connect');
  });

  it('find missing keys, missing plural forms, empty values and mismatched variables', () => {
    const broken = {
      en: { errors: { A: 'x {{n}}', B_one: 'b', B_other: 'bs' } },
      fr: { errors: { A: 'x {{m}}', B_one: 'b', B_other: '' } },
    };
    const problems = checkCatalogs(broken, ERROR_KEYS_IN_USE);
    expect(problems).toEqual(
      expect.arrayContaining([
        'fr/errors: "A" has variables {m} but English has {n}',
        'fr/errors: empty "B"',
        'fr/errors: "B" lacks the plural form _many',
        'en/errors: "A" is not used by the code',
        'en/errors: the code uses "access.USER_NOT_FOUND" but it has no message',
      ]),
    );
  });

  it('hold French to its typography: U+00A0 before ":", U+202F before "; ! ?" and inside « », and leave times, headers and other languages alone', () => {
    const english = { a: 'x', b: 'x', c: 'x', d: 'x', e: 'x', f: 'x', g: 'x' };
    const resources = {
      en: { ui: { ...english, a: 'Time left: {{time}}' } },
      fr: {
        ui: {
          a: 'Temps restant : {{time}}',
          b: 'Authorization: Bearer <token>',
          c: 'au plus 10 ; ensuite',
          d: '« {{email}} » n’est pas valide',
          e: 'Temps restant\u00a0: 10:00',
          f: 'au plus 10\u202f; ensuite\u202f!',
          g: '«\u202f{{email}}\u202f» n’est pas valide',
        },
      },
    };
    const problems = checkCatalogs(resources, new Set()).filter((problem) => / needs /.test(problem));
    expect(problems).toEqual([
      'fr/ui: "a" needs a no-break space (U+00A0) before ":"',
      'fr/ui: "c" needs a narrow no-break space (U+202F) before ";", "!" or "?"',
      'fr/ui: "d" needs narrow no-break spaces (U+202F) inside « »',
    ]);
  });
});
