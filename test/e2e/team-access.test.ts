import type { Page } from 'playwright-core';
import { accessibilityViolations, describeInChromium, eventually, expectPageLanguage, screenshot, signIn, storedToken, useE2E } from './browser';

/** The row of a user in the Team Access table, found by the row header (the name). */
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** The Accept-Language of every GraphQL request the page sends from now on. */
function recordAcceptLanguage(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql')) seen.push(request.headers()['accept-language']);
  });
  return seen;
}

describeInChromium('the Team Access page in Chromium (Acme admin)', () => {
  const e2e = useE2E();

  it('walks the article in English, Swedish and French: connect two users with a workspace, R6 refused in the page language, disconnect and reconnect', async () => {
    const page = await e2e().newPage();

    // English, the browser's language; the demo tokens are offered on the sign-in form.
    await expectPageLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Demo accounts' }).waitFor();
    await expect(page.getByLabel('API token').inputValue()).resolves.toBe('demo-admin-token');
    expect(await accessibilityViolations(page)).toEqual([]);
    await signIn(page, 'demo-admin-token');
    await page.getByText('Signed in as Alex Morgan (Admin), Acme').waitFor();
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    const steps = await breadcrumb.getByRole('listitem').allTextContents();
    expect(steps.map((step) => step.replace('⚙', '').trim())).toEqual(['Settings', 'Admin Settings', 'Marketo', 'User Access']);
    await expect(breadcrumb.locator('[aria-current="page"]').textContent()).resolves.toBe('User Access');
    await page.getByRole('heading', { name: 'Team Access', level: 1 }).waitFor();
    await page.getByRole('complementary', { name: 'Help' }).getByRole('heading', { name: 'Grant Marketo Access to Users' }).waitFor();
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor();
    await screenshot(page, 'team-access-en');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Swedish: the button, the help text, <html lang> and what GraphQL requests say.
    const acceptLanguage = recordAcceptLanguage(page);
    await page.getByLabel('Language').selectOption('sv');
    await page.getByRole('button', { name: 'Anslut', exact: true }).waitFor();
    await expectPageLanguage(page, 'sv');
    const help = page.getByRole('complementary', { name: 'Hjälp' });
    await help.getByRole('heading', { name: 'Ge Marketo åtkomst till användare' }).waitFor();
    await help.getByText('Vänta tio minuter efter att du har anslutit Sales Insight Actions till Marketo').waitFor();
    await page.getByRole('navigation', { name: 'Sökväg' }).getByText('Administratörsinställningar').waitFor();

    // Select two users, the EMEA workspace (optional step), Connect (R3, R4).
    await page.getByRole('checkbox', { name: 'Markera Agnes Wallin' }).check();
    await page.getByRole('checkbox', { name: 'Markera Alva Olsson' }).check();
    await page.getByText('2 användare markerade').waitFor();
    await page.getByRole('listbox', { name: 'Arbetsyta' }).selectOption({ label: 'EMEA' });
    await page.getByRole('button', { name: 'Anslut', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '2 användare anslutna · 0 användare oförändrade · 0 fel' }).waitFor();
    for (const name of ['Agnes Wallin', 'Alva Olsson']) {
      await row(page, name).getByRole('cell', { name: 'Åtkomst beviljad' }).waitFor();
      await row(page, name).getByRole('cell', { name: 'Ansluten', exact: true }).waitFor();
      await row(page, name).getByRole('cell', { name: 'EMEA', exact: true }).waitFor();
    }
    expect(acceptLanguage.length).toBeGreaterThan(0);
    expect(new Set(acceptLanguage)).toEqual(new Set(['sv']));

    // Again with another workspace: ALREADY_CONNECTED, in Swedish, inline on the row (R6).
    await page.getByRole('checkbox', { name: 'Markera Agnes Wallin' }).check();
    await page.getByRole('listbox', { name: 'Arbetsyta' }).selectOption({ label: 'APAC' });
    await page.getByRole('button', { name: 'Anslut', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '0 användare anslutna · 0 användare oförändrade · 1 fel' }).waitFor();
    await row(page, 'Agnes Wallin')
      .getByRole('cell', { name: 'Agnes Wallin är redan ansluten med andra arbetsytor. Koppla från användaren först för att ändra dem.' })
      .waitFor();
    await row(page, 'Alva Olsson').getByRole('cell', { name: 'Åtkomst beviljad' }).waitFor();
    await screenshot(page, 'team-access-sv');
    expect(await accessibilityViolations(page)).toEqual([]);

    // French: "Se connecter"; the French article; disconnect with the keyboard, then connect with APAC.
    await page.getByLabel('Språk').selectOption('fr');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).waitFor();
    await expectPageLanguage(page, 'fr');
    // The session line names the admin after a colon: no "de" to elide before a vowel ("Session de Alex").
    await page.getByText('Session\u00a0: Alex Morgan (Administrateur), Acme').waitFor();
    await page.getByRole('complementary', { name: 'Aide' }).getByRole('heading', { name: 'Octroi de l’accès aux utilisateurs' }).waitFor();
    // The per-user result switches language with the page (rendered from its code and variables).
    await row(page, 'Agnes Wallin')
      .getByRole('cell', {
        name: 'Utilisateur déjà connecté avec d’autres espaces de travail\u00a0: Agnes Wallin. Déconnectez d’abord l’utilisateur pour les modifier.',
      })
      .waitFor();
    await row(page, 'Alva Olsson').getByRole('cell', { name: 'Accès accordé' }).waitFor();
    await page.getByRole('checkbox', { name: 'Sélectionner Agnes Wallin' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Déconnecter', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '1 utilisateur déconnecté · 0 erreur' }).waitFor();
    await row(page, 'Agnes Wallin').getByRole('cell', { name: 'Déconnecté', exact: true }).waitFor();
    await row(page, 'Agnes Wallin').getByRole('cell', { name: 'Non connecté', exact: true }).waitFor();

    await page.getByRole('checkbox', { name: 'Sélectionner Agnes Wallin' }).check();
    await page.getByRole('listbox', { name: 'Workspace' }).selectOption({ label: 'APAC' });
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '1 utilisateur connecté · 0 utilisateur inchangé · 0 erreur' }).waitFor();
    await row(page, 'Agnes Wallin').getByRole('cell', { name: 'APAC', exact: true }).waitFor();
    await row(page, 'Agnes Wallin').getByRole('cell', { name: 'Accès accordé' }).waitFor();
    await screenshot(page, 'team-access-fr');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Signing out forgets the token.
    await page.getByRole('button', { name: 'Déconnexion' }).click();
    await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
    expect(await storedToken(page)).toBeNull();
  });

  it('starts in the browser’s language (sv-SE → Swedish) and keeps the session on reload', async () => {
    const page = await e2e().newPage({ locale: 'sv-SE' });
    await page.getByRole('heading', { name: 'Logga in', level: 1 }).waitFor();
    await expectPageLanguage(page, 'sv');
    await expect(page.getByLabel('Språk').inputValue()).resolves.toBe('sv');
    await page.getByRole('button', { name: 'Logga in som Alex Morgan (Administratör, Acme)' }).click();
    await page.getByRole('heading', { name: 'Team Access', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Anslut', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Anslut', exact: true }).waitFor();
  });

  it('pages through the team, searches by name or e-mail and filters by status', async () => {
    const page = await e2e().newPage();
    await signIn(page, 'demo-admin-token');
    const table = page.getByRole('table');
    await table.getByText('52 users').waitFor();
    const names = () => table.getByRole('rowheader').allTextContents();
    await expect(names()).resolves.toHaveLength(20);
    const firstPage = await names();
    expect(firstPage[0]).toBe('Agnes Wallin');
    await expect(page.getByRole('button', { name: 'Previous' }).isDisabled()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2').waitFor();
    await eventually(async () => expect((await names())[0]).not.toBe(firstPage[0]));
    const secondPage = await names();
    expect(secondPage).toHaveLength(20);
    expect(secondPage.some((name) => firstPage.includes(name))).toBe(false);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 3').waitFor();
    await eventually(async () => expect(await names()).toHaveLength(12));
    await expect(page.getByRole('button', { name: 'Next' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByText('Page 2').waitFor();
    await eventually(async () => expect(await names()).toEqual(secondPage));

    // Search (name or e-mail, any case) starts again from the first page.
    await page.getByRole('searchbox', { name: 'Search' }).fill('BERG');
    await page.getByText('Page 1').waitFor();
    await eventually(async () => expect(await names()).toEqual(['Astrid Berg', 'Oscar Lindberg']));
    await table.getByText('2 users').waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('zz-nobody');
    await table.getByText('No users match.').waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await table.getByText('52 users').waitFor();

    // Only connected users (the demo has 5; the other test may have connected more).
    await page.getByLabel('Status').selectOption({ label: 'Connected' });
    let statuses: string[] = [];
    await eventually(async () => {
      statuses = await table.locator('tbody .badge').allTextContents();
      expect(statuses.length).toBeGreaterThanOrEqual(5);
      expect(statuses.length).toBeLessThan(20);
    });
    expect(new Set(statuses)).toEqual(new Set(['Connected']));

    // Select all on the page selects every row of it.
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    await page.getByText(`${statuses.length} users selected`).waitFor();
  });
});
