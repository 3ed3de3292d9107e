import { accessibilityViolations, describeInChromium, eventually, expectPageLanguage, screenshot, signIn, storedToken, useE2E } from './browser';

describeInChromium('the Team Access page in Chromium (member, not connected, bad token)', () => {
  const e2e = useE2E();

  it('shows a member the list, but no way to grant or disconnect (R9)', async () => {
    const page = await e2e().newPage();
    await signIn(page, 'demo-member-token');
    await page.getByText('Signed in as Sam Rivera (Member), Acme').waitFor();
    await page.getByRole('table').getByText('52 users').waitFor();
    await expect(page.getByRole('checkbox').count()).resolves.toBe(0);
    for (const name of ['Connect', 'Disconnect']) {
      const button = page.getByRole('button', { name, exact: true });
      await expect(button.isDisabled()).resolves.toBe(true);
      await expect(button.getAttribute('aria-describedby')).resolves.toBeTruthy();
    }
    await page.getByText('Only admins can grant or remove access.').waitFor();
    await expect(page.getByRole('listbox', { name: 'Workspace' }).count()).resolves.toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('tells Globex that Marketo is not connected; its admin connects, then waits ten minutes before granting (R2)', async () => {
    const page = await e2e().newPage();
    await signIn(page, 'demo-globex-admin-token');
    await page.getByText('Sales Insight Actions is not connected with Marketo yet.').waitFor();
    await page.getByRole('table').getByText('11 users').waitFor();
    await page.getByRole('checkbox', { name: 'Select Hank Scorpio' }).check();
    await expect(page.getByRole('button', { name: 'Connect', exact: true }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'globex-not-connected-en');

    // In French, then connect Marketo (workspaces off): the ten-minute wait counts down.
    await page.getByLabel('Language').selectOption('fr');
    await page.getByText('Sales Insight Actions n’est pas encore connecté à Marketo.').waitFor();
    await page.getByRole('button', { name: 'Se connecter à Marketo' }).click();
    const timer = page.getByRole('timer');
    await expect(timer.textContent()).resolves.toMatch(/^Temps restant\u00a0: (10:00|9:[0-5]\d)$/);
    const first = await timer.textContent();
    await eventually(async () => expect(await timer.textContent()).not.toBe(first));
    await page.getByText('Marketo a été connecté il y a moins de dix minutes. Vous pourrez accorder l’accès dans 10 minutes.').waitFor();
    await expect(page.getByText('Sales Insight Actions n’est pas encore connecté à Marketo.').count()).resolves.toBe(0);
    // Workspaces are off for Globex: no Workspace drop-down, users get the Default one.
    await page.getByText('Les espaces de travail ne sont pas activés pour votre abonnement Marketo').waitFor();
    await expect(page.getByRole('listbox').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Se connecter', exact: true }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'globex-waiting-fr');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows the token field once the demo accounts are known, so their prefill never lands in typed text', async () => {
    let releaseDemoAccounts = () => {};
    const demoAccountsHeld = new Promise<void>((resolve) => (releaseDemoAccounts = resolve));
    const page = await e2e().newPage({}, (page) =>
      page.route('**/demo.json', async (route) => {
        await demoAccountsHeld;
        await route.continue();
      }),
    );
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await expect(page.getByLabel('API token').count()).resolves.toBe(0);
    releaseDemoAccounts();
    await expect(page.getByLabel('API token').inputValue()).resolves.toBe('demo-admin-token');
    await signIn(page, 'demo-member-token');
    await page.getByText('Signed in as Sam Rivera (Member), Acme').waitFor();
  });

  it('refuses an unknown token in plain words, in the page’s language (not the API’s header hint)', async () => {
    const page = await e2e().newPage({ locale: 'sv-SE' });
    await expectPageLanguage(page, 'sv');
    await signIn(page, 'not-a-token', { token: 'API-token', submit: 'Logga in' });
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Tokenen godkändes inte. Kontrollera den och försök igen.');
    await page.getByRole('heading', { name: 'Logga in', level: 1 }).waitFor();
    expect(await storedToken(page)).toBeNull();
  });
});
