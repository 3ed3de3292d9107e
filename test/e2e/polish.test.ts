import type { Page } from 'playwright-core';
import { describeInChromium, expectPageLanguage, signIn, storedToken, useE2E } from './browser';

/** The row of a user in the Team Access table, found by the row header (the name). */
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

const isDisabled = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).isDisabled();

describeInChromium('the Team Access page’s finish in Swedish and French (Disconnect, language names, sign-in error, page position)', () => {
  const e2e = useE2E();

  it('enables Disconnect only while a connected user is selected, Connect while anyone is (Swedish)', async () => {
    const page = await e2e().newPage({ locale: 'sv-SE' });
    await expectPageLanguage(page, 'sv');
    await signIn(page, 'demo-admin-token', { token: 'API-token', submit: 'Logga in' });
    await row(page, 'Alva Olsson').waitFor();
    await expect(isDisabled(page, 'Anslut')).resolves.toBe(true);
    await expect(isDisabled(page, 'Koppla från')).resolves.toBe(true);

    // Alva Olsson is not connected: there is something to connect, nothing to disconnect.
    await row(page, 'Alva Olsson').getByRole('checkbox').check();
    await page.getByText('1 användare markerad').waitFor();
    await expect(isDisabled(page, 'Anslut')).resolves.toBe(false);
    await expect(isDisabled(page, 'Koppla från')).resolves.toBe(true);

    // Alex Morgan is connected (Default): now Disconnect has someone to disconnect.
    await row(page, 'Alex Morgan').getByRole('checkbox').check();
    await expect(isDisabled(page, 'Koppla från')).resolves.toBe(false);
    await row(page, 'Alex Morgan').getByRole('checkbox').uncheck();
    await expect(isDisabled(page, 'Koppla från')).resolves.toBe(true);

    // A connected user selected on another page still counts (the selection keeps each user's status).
    await page.getByLabel('Status').selectOption('CONNECTED');
    await row(page, 'Alex Morgan').getByRole('checkbox').check();
    await page.getByLabel('Status').selectOption('');
    await row(page, 'Alva Olsson').waitFor();
    await page.getByText('2 användare markerade').waitFor();
    await expect(isDisabled(page, 'Koppla från')).resolves.toBe(false);
  });

  it.each([
    { locale: 'sv-SE', lang: 'sv', submit: 'Logga in', features: 'Upplåsta funktioner: intressanta ögonblick i liveflödet och marknadsföringskampanjer' },
    {
      locale: 'fr-FR',
      lang: 'fr',
      submit: 'Connexion',
      features: 'Fonctionnalités déverrouillées\u00a0: moments intéressants dans le flux en direct et campagnes marketing',
    },
  ])('lists the unlocked features mid-sentence in lower case, as the $lang article writes them (R7)', async ({ locale, lang, submit, features }) => {
    const page = await e2e().newPage({ locale });
    await expectPageLanguage(page, lang);
    await signIn(page, 'demo-admin-token', { token: lang === 'sv' ? 'API-token' : 'Jeton d’API', submit });
    await page.locator('.session .features').waitFor();
    await expect(page.locator('.session .features').textContent()).resolves.toBe(` · ${features}`);
  });

  it('names each language in itself, capitalized as a menu item (Svenska, Français, English)', async () => {
    const page = await e2e().newPage({ locale: 'fr-FR' });
    await expectPageLanguage(page, 'fr');
    const options = page.getByLabel('Langue').locator('option');
    // The names come from the locales query, after a first render that shows the codes.
    await page.getByLabel('Langue').locator('option[value="sv"]', { hasText: 'Svenska' }).waitFor({ state: 'attached' });
    // A development server adds its pseudo-locale, named by ICU (README, "Pseudo-locale").
    await expect(options.allTextContents()).resolves.toEqual(['English', 'Français', 'Svenska', 'English (Pseudo-Accents)']);
    await expect(page.getByLabel('Langue').locator('option[value="sv"]').getAttribute('lang')).resolves.toBe('sv');
  });

  it('refuses an unknown token in plain words in French, without the API’s header hint', async () => {
    const page = await e2e().newPage({ locale: 'fr-FR' });
    await expectPageLanguage(page, 'fr');
    const field = page.locator('input[type="password"]');
    await field.fill('not-a-token');
    await field.press('Enter');
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toBe('Ce jeton n’a pas été accepté. Vérifiez-le et réessayez.');
    await expect(alert.textContent()).resolves.not.toMatch(/Bearer|Authorization/);
    expect(await storedToken(page)).toBeNull();
  });

  it('says which page of how many is shown, in French, following search', async () => {
    const page = await e2e().newPage({ locale: 'fr-FR' });
    await expectPageLanguage(page, 'fr');
    const field = page.locator('input[type="password"]');
    await field.press('Enter');
    const pagination = page.getByRole('navigation', { name: 'Pages' });
    // 52 users, 20 a page.
    await pagination.getByText('Page 1 sur 3', { exact: true }).waitFor();
    await pagination.getByRole('button', { name: 'Suivant' }).click();
    await pagination.getByText('Page 2 sur 3', { exact: true }).waitFor();
    await pagination.getByRole('button', { name: 'Suivant' }).click();
    await pagination.getByText('Page 3 sur 3', { exact: true }).waitFor();
    await page.getByRole('searchbox').fill('BERG');
    await pagination.getByText('Page 1 sur 1', { exact: true }).waitFor();
    await page.getByRole('searchbox').fill('zz-nobody');
    await pagination.getByText('Page 1 sur 1', { exact: true }).waitFor();
  });
});
