import i18next from 'i18next';
import HttpBackend from 'i18next-http-backend';
import MultiloadAdapter from 'i18next-multiload-backend-adapter';
import { withSqliteServer } from './support/each-database';

// A real i18next client, configured as a localized UI would be, loading catalogs from the running server.
describe('an i18next client with i18next-http-backend', () => {
  const server = withSqliteServer();

  it.each([
    ['sv', 'Anslut', 'Användaråtkomst', 'Marketo standardarbetsyta', '3 användare anslutna'],
    ['fr', 'Se connecter', 'Accès utilisateur', 'Espace de travail Marketo par défaut', '0 utilisateur connecté'],
  ])("loads ui in %s and renders the documents' labels", async (lng, connect, userAccess, defaultWorkspace, count) => {
    const client = i18next.createInstance();
    await client.use(HttpBackend).init({
      lng,
      fallbackLng: 'en',
      ns: ['ui', 'errors'],
      defaultNS: 'ui',
      backend: { loadPath: `${server().url}/locales/{{lng}}/{{ns}}.json` },
    });
    expect(client.t('actions.connect')).toBe(connect);
    expect(client.t('tabs.userAccess')).toBe(userAccess);
    expect(client.t('workspace.default')).toBe(defaultWorkspace);
    expect(client.t('counts.usersConnected', { count: lng === 'sv' ? 3 : 0 })).toBe(count);
    expect(client.t('errors:organization.MARKETO_CONNECTION_NOT_READY', { count: 2 })).toMatch(/2 minut/);
  });

  it('formats the numbers of the catalogs it loads in the language it shows, as the page does', async () => {
    const client = i18next.createInstance();
    await client.use(HttpBackend).init({
      lng: 'fr',
      fallbackLng: 'en',
      preload: ['en', 'sv', 'fr'],
      ns: ['ui'],
      defaultNS: 'ui',
      backend: { loadPath: `${server().url}/locales/{{lng}}/{{ns}}.json` },
    });
    const selected = (lng: string) => client.getFixedT(lng)('counts.usersSelected', { count: 1000 });
    expect(['en', 'sv', 'fr'].map(selected)).toEqual(['1,000 users selected', '1\u00a0000 användare markerade', '1\u202f000 utilisateurs sélectionnés']);
    expect(client.t('notices.timeLeft', { minutes: 9, seconds: 5 })).toBe('Temps restant\u00a0: 9:05');
  });

  it('loads several languages in one request through i18next-multiload-backend-adapter', async () => {
    const client = i18next.createInstance();
    await client.use(MultiloadAdapter).init({
      lng: 'sv',
      fallbackLng: 'en',
      preload: ['sv', 'fr'],
      ns: ['ui'],
      defaultNS: 'ui',
      backend: {
        backend: HttpBackend,
        backendOption: { loadPath: `${server().url}/locales/resources.json?lng={{lng}}&ns={{ns}}`, allowMultiLoading: true },
      },
    });
    expect(client.t('actions.connect')).toBe('Anslut');
    expect(client.getFixedT('fr')('actions.connect')).toBe('Se connecter');
  });
});
