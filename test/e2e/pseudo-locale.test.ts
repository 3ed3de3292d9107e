import type { Page, Response } from 'playwright-core';
import { describeInChromium, expectPageLanguage, signIn, useE2E } from './browser';

/** The row of a user in the Team Access table, found by the row header (the name). */
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** The console line web/src/features/language/i18n.ts writes for a key no catalog has. */
const MISSING_KEY_WARNING = 'i18next: missing key';

/** Collects the page's missing-key warnings into `warnings`. */
const collectMissingKeys = (warnings: string[]) => async (page: Page) =>
  page.on('console', (message) => {
    if (message.text().startsWith(MISSING_KEY_WARNING)) warnings.push(message.text());
  });

describeInChromium('the pseudo-locale, versioned catalogs, missing keys and unknown result codes in the browser', () => {
  const e2e = useE2E();

  it('opens in the pseudo-locale with ?lng=en-XA, and the switcher offers it by its ICU name', async () => {
    const page = await e2e().newPage();
    await page.goto(`${e2e().url}/?lng=en-XA`);
    await expectPageLanguage(page, 'en-XA');
    await page.getByRole('button', { name: '[Šîĝñ îñ ···]', exact: true }).waitFor();

    const english = await e2e().newPage();
    await expectPageLanguage(english, 'en');
    await english.getByLabel('Language').locator('option[value="en-XA"]', { hasText: 'English (Pseudo-Accents)' }).waitFor({ state: 'attached' });
    await english.getByLabel('Language').selectOption('en-XA');
    await expectPageLanguage(english, 'en-XA');
    await english.getByRole('button', { name: '[Šîĝñ îñ ···]', exact: true }).waitFor();
  });

  it('loads catalogs by the build’s version, which the server caches for a year as its own', async () => {
    const catalogs: Response[] = [];
    const page = await e2e().newPage({ locale: 'sv-SE' }, async (page) =>
      page.on('response', (response) => response.url().includes('/locales/') && catalogs.push(response)),
    );
    await expectPageLanguage(page, 'sv');
    await page.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
    const seen = catalogs.map((response) => [new URL(response.url()).pathname, response.status(), response.headers()['cache-control']]);
    // Swedish, and English as the fallback i18next also loads.
    expect(seen.sort()).toEqual([
      ['/locales/en/errors.json', 200, 'public, max-age=31536000, immutable'],
      ['/locales/en/ui.json', 200, 'public, max-age=31536000, immutable'],
      ['/locales/sv/errors.json', 200, 'public, max-age=31536000, immutable'],
      ['/locales/sv/ui.json', 200, 'public, max-age=31536000, immutable'],
    ]);
    for (const response of catalogs) expect(new URL(response.url()).search).toMatch(/^\?v=[0-9a-f]{16}$/);
  });

  it('logs a key no catalog has as a warning, and shows the key', async () => {
    const warnings: string[] = [];
    const page = await e2e().newPage({}, async (page) => {
      await collectMissingKeys(warnings)(page);
      // This build's English catalog without the sign-in button's key, as a catalog that lags the code would be.
      await page.route('**/locales/en/ui.json*', async (route) => {
        const response = await route.fetch();
        const ui = await response.json();
        delete ui.auth.signIn;
        await route.fulfill({ response, json: ui });
      });
    });
    await page.getByRole('button', { name: 'auth.signIn', exact: true }).waitFor();
    expect([...new Set(warnings)]).toEqual(['i18next: missing key: ui:auth.signIn (en)']);
  });

  it('shows the server’s message, in the page’s language, for a result code this build has no text for', async () => {
    const warnings: string[] = [];
    const page = await e2e().newPage({ locale: 'sv-SE' }, async (page) => {
      await collectMissingKeys(warnings)(page);
      // The server of a newer build: ALREADY_CONNECTED under a key the page's catalogs lack, with the server's message.
      await page.route('**/graphql', async (route) => {
        const response = await route.fetch();
        const body = await response.text();
        await route.fulfill({ response, body: body.replaceAll('"errors:access.ALREADY_CONNECTED"', '"errors:access.A_CODE_FROM_A_NEWER_SERVER"') });
      });
    });
    await expectPageLanguage(page, 'sv');
    await signIn(page, 'demo-admin-token', { token: 'API-token', submit: 'Logga in' });
    await row(page, 'Alex Morgan').getByRole('checkbox').check();
    await page.getByRole('listbox').selectOption({ label: 'APAC' });
    await page.getByRole('button', { name: 'Anslut', exact: true }).click();
    const result = row(page, 'Alex Morgan').locator('td.result-error');
    await result.filter({ hasText: /\S/ }).waitFor();
    await expect(result.textContent()).resolves.toBe('Alex Morgan är redan ansluten med andra arbetsytor. Koppla från användaren först för att ändra dem.');
    expect(warnings).toEqual([]);
    // The page refetches the list after the mutation: a request still in the route when the page closes must not fail the next test.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });
});
