import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations, describeInChromium, expectPageLanguage, screenshot, useE2E } from './browser';

/** The row of a user in the Team Access table, found by the row header (the name). */
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** Signs in with the token the sign-in form is given, whatever the page's language, and waits for the Team Access table. */
async function signInWith(page: Page, token: string): Promise<void> {
  const field = page.locator('input[type="password"]');
  await field.fill(token);
  await field.press('Enter');
  await page.locator('table.team-table tbody th').first().waitFor();
}

interface Invitee {
  name: string;
  email: string;
}

/** What a native speaker expects to read, per language. */
interface Expected {
  lang: string;
  locale: string;
  /** The Swedish and French pages are named as the documents name them (PRODUCT.md). */
  teamAccess: string;
  teamManagement: string;
  user: (number: number) => string;
  name: string;
  email: string;
  addAnother: string;
  invite: string;
  invited: string;
  /** The counts after two invited and one refused. */
  twoInvitedOneError: string;
  alreadyInvited: string;
  search: string;
  noUsers: string;
  connect: string;
  granted: string;
  grantedAt: string;
  grantedBy: string;
  /** How the language writes a date and time (Intl.DateTimeFormat, dateStyle medium, timeStyle short). */
  grantTime: RegExp;
  adminsOnly: string;
  /** The two users this language's test invites; one name has accents. */
  invitees: [Invitee, Invitee];
}

// Sam Rivera is a demo user: inviting the address again is refused (EMAIL_ALREADY_INVITED), the others go on.
const SAM = { name: 'Sam Rivera', email: 'sam.rivera@acme.example' };

const LANGUAGES: Expected[] = [
  {
    lang: 'en',
    locale: 'en-US',
    teamAccess: 'Team Access',
    teamManagement: 'Team Management',
    user: (n) => `User ${n}`,
    name: 'Name',
    email: 'E-mail',
    addAnother: 'Add another user',
    invite: 'Invite',
    invited: 'Invited',
    twoInvitedOneError: '2 users invited · 1 error',
    alreadyInvited: 'sam.rivera@acme.example is already invited.',
    search: 'Search',
    noUsers: 'No users match.',
    connect: 'Connect',
    granted: 'Access granted',
    grantedAt: 'Granted',
    grantedBy: 'Granted by',
    grantTime: /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/,
    adminsOnly: 'Only admins can invite users.',
    invitees: [
      { name: 'Zoë Hartley', email: 'zoe.hartley@acme.example' },
      { name: 'Noah Reed', email: 'noah.reed@acme.example' },
    ],
  },
  {
    lang: 'sv',
    locale: 'sv-SE',
    teamAccess: 'Team Access',
    teamManagement: 'Teamhantering',
    user: (n) => `Användare ${n}`,
    name: 'Namn',
    email: 'E-post',
    addAnother: 'Lägg till ytterligare en användare',
    invite: 'Bjud in',
    invited: 'Inbjuden',
    twoInvitedOneError: '2 användare inbjudna · 1 fel',
    alreadyInvited: 'sam.rivera@acme.example är redan inbjuden.',
    search: 'Sök',
    noUsers: 'Inga användare matchar.',
    connect: 'Anslut',
    granted: 'Åtkomst beviljad',
    grantedAt: 'Beviljad',
    grantedBy: 'Beviljad av',
    grantTime: /^\d{1,2} [a-zåäö]{3,4}\.? \d{4} \d{2}:\d{2}$/,
    adminsOnly: 'Endast administratörer kan bjuda in användare.',
    invitees: [
      { name: 'Åsa Öhrström', email: 'asa.ohrstrom@acme.example' },
      { name: 'Pontus Lund', email: 'pontus.lund@acme.example' },
    ],
  },
  {
    lang: 'fr',
    locale: 'fr-FR',
    teamAccess: 'Accès d’équipe',
    teamManagement: 'Gestion des équipes',
    user: (n) => `Utilisateur ${n}`,
    name: 'Nom',
    email: 'E-mail',
    addAnother: 'Ajouter un autre utilisateur',
    invite: 'Inviter',
    invited: 'Invitation envoyée',
    twoInvitedOneError: '2 utilisateurs invités · 1 erreur',
    alreadyInvited: 'Une invitation a déjà été envoyée à cette adresse\u00a0: sam.rivera@acme.example.',
    search: 'Rechercher',
    noUsers: 'Aucun utilisateur ne correspond.',
    connect: 'Se connecter',
    granted: 'Accès accordé',
    grantedAt: 'Accordé le',
    grantedBy: 'Accordé par',
    grantTime: /^\d{1,2} [a-zéû]{3,5}\.? \d{4}, \d{2}:\d{2}$/,
    adminsOnly: 'Seuls les administrateurs peuvent inviter des utilisateurs.',
    invitees: [
      { name: 'Hélène Lefèvre', email: 'helene.lefevre@acme.example' },
      { name: 'Théo Girard', email: 'theo.girard@acme.example' },
    ],
  },
];

/** Fills the invite form's rows (adding rows as needed) and clicks Invite. */
async function invite(page: Page, expected: Expected, invitees: Invitee[]): Promise<void> {
  for (const [index, invitee] of invitees.entries()) {
    const number = index + 1;
    const group = page.getByRole('group', { name: expected.user(number), exact: true });
    if (!(await group.isVisible())) await page.getByRole('button', { name: expected.addAnother, exact: true }).click();
    await group.getByLabel(expected.name, { exact: true }).fill(invitee.name);
    await group.getByLabel(expected.email, { exact: true }).fill(invitee.email);
  }
  await page.getByRole('button', { name: expected.invite, exact: true }).click();
}

/** The per-invitee lines under the form: "who" and "what came of it". */
async function resultLines(page: Page): Promise<string[][]> {
  const items = page.locator('.invite-results li');
  const lines: string[][] = [];
  for (const item of await items.all()) lines.push(await itemParts(item));
  return lines;
}
const itemParts = async (item: Locator) => [await item.locator('.invitee-identity').innerText(), await item.locator('.invite-outcome').innerText()];

describeInChromium('the Team Management page: admins invite users who then appear on Team Access (R1, R8, R9)', () => {
  const e2e = useE2E();

  for (const expected of LANGUAGES) {
    const [first, second] = expected.invitees;

    it(`${expected.lang}: invites two users (one refused beside them), finds one on Team Access, connects it, and reads when and by whom`, async () => {
      const page = await e2e().newPage({ locale: expected.locale, timezoneId: 'Europe/Stockholm' });
      await expectPageLanguage(page, expected.lang);
      await signInWith(page, 'demo-admin-token');

      // Not invited yet (R1): this search's empty answer is now in urql's cache, and must not outlive the invitation.
      await page.getByRole('searchbox', { name: expected.search }).fill(first.email);
      await page.getByRole('table').getByText(expected.noUsers, { exact: true }).waitFor();

      // The tab beside Team Access, named as the documents name the page.
      const tabs = page.getByRole('navigation').filter({ has: page.getByRole('link', { name: expected.teamManagement, exact: true }) });
      await expect(tabs.getByRole('link', { name: expected.teamAccess, exact: true }).getAttribute('aria-current')).resolves.toBe('page');
      await tabs.getByRole('link', { name: expected.teamManagement, exact: true }).click();
      await page.getByRole('heading', { name: expected.teamManagement, level: 1 }).waitFor();
      await expect(page.title()).resolves.toMatch(new RegExp(`^${expected.teamManagement} · `));
      expect(page.url()).toMatch(/#\/team-management$/);

      await invite(page, expected, [first, SAM, second]);
      await page.getByRole('status').filter({ hasText: expected.twoInvitedOneError }).waitFor();
      await expect(resultLines(page)).resolves.toEqual([
        [`${first.name} · ${first.email}`, expected.invited],
        [`${SAM.name} · ${SAM.email}`, expected.alreadyInvited],
        [`${second.name} · ${second.email}`, expected.invited],
      ]);
      // The refused row stays in the form to be corrected; the invited ones left it.
      await expect(
        page
          .getByRole('group', { name: expected.user(1), exact: true })
          .getByLabel(expected.email, { exact: true })
          .inputValue(),
      ).resolves.toBe(SAM.email);
      await expect(page.getByRole('group', { name: expected.user(2), exact: true }).count()).resolves.toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);

      // Back (the browser's button): Team Access lists the new users, not the page cached before the invitation.
      await page.goBack();
      await page.getByRole('heading', { name: expected.teamAccess, level: 1 }).waitFor();
      await page.getByRole('searchbox', { name: expected.search }).fill(first.email);
      await row(page, first.name).waitFor();
      await page.getByRole('searchbox', { name: expected.search }).fill(first.name.split(' ')[0]);
      await row(page, first.name).waitFor();
      await page.getByRole('searchbox', { name: expected.search }).fill(second.email);
      await row(page, second.name).waitFor();
      await page.getByRole('searchbox', { name: expected.search }).fill(first.email);
      await row(page, first.name).waitFor();
      const table = page.getByRole('table');
      await table.getByRole('columnheader', { name: expected.grantedAt, exact: true }).waitFor({ state: 'attached' });
      await table.getByRole('columnheader', { name: expected.grantedBy, exact: true }).waitFor({ state: 'attached' });
      await expect(row(page, first.name).locator('td.granted-at').textContent()).resolves.toBe('');

      // Connect: the row says when (in the language's own format, a machine-readable <time>) and who.
      const before = Date.now();
      await row(page, first.name).getByRole('checkbox').check();
      await page.getByRole('button', { name: expected.connect, exact: true }).click();
      await row(page, first.name).getByRole('cell', { name: expected.granted }).waitFor();
      await row(page, first.name).locator('td.granted-by', { hasText: 'Alex Morgan' }).waitFor();
      const time = row(page, first.name).locator('td.granted-at time');
      const [text, dateTime] = [await time.textContent(), await time.getAttribute('dateTime')];
      expect(text).toMatch(expected.grantTime);
      const grantedAt = Date.parse(dateTime ?? '');
      // The server's clock, in whole seconds: within a minute of the click.
      expect(Math.abs(grantedAt - before)).toBeLessThan(60_000);
      expect(text).toBe(new Intl.DateTimeFormat(expected.lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(grantedAt));
      await screenshot(page, `team-management-granted-${expected.lang}`);
      expect(await accessibilityViolations(page)).toEqual([]);

      // Forward again: the Team Management tab is where the address says.
      await page.goForward();
      await page.getByRole('heading', { name: expected.teamManagement, level: 1 }).waitFor();
    });

    it(`${expected.lang}: a member is not offered Team Management, and the address alone gets the refusal, not the form`, async () => {
      const page = await e2e().newPage({ locale: expected.locale });
      await expectPageLanguage(page, expected.lang);
      await signInWith(page, 'demo-member-token');
      await expect(page.getByRole('link', { name: expected.teamManagement, exact: true }).count()).resolves.toBe(0);

      await page.evaluate('location.hash = "#/team-management"');
      await page.getByRole('heading', { name: expected.teamManagement, level: 1 }).waitFor();
      await page.getByText(expected.adminsOnly, { exact: true }).waitFor();
      await expect(page.getByRole('button', { name: expected.invite, exact: true }).count()).resolves.toBe(0);
      await expect(page.locator('form.invite-form').count()).resolves.toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  }

  it('keeps the results and the form across a language switch, and renders them in the new language (en → fr)', async () => {
    const [en, fr] = [LANGUAGES[0], LANGUAGES[2]];
    const page = await e2e().newPage();
    await signInWith(page, 'demo-admin-token');
    await page.getByRole('link', { name: en.teamManagement, exact: true }).click();
    await invite(page, en, [SAM]);
    await page.getByRole('status').filter({ hasText: '0 users invited · 1 error' }).waitFor();

    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: fr.teamManagement, level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: '0 utilisateur invité · 1 erreur' }).waitFor();
    await expect(resultLines(page)).resolves.toEqual([[`${SAM.name} · ${SAM.email}`, fr.alreadyInvited]]);
    await expect(
      page
        .getByRole('group', { name: fr.user(1), exact: true })
        .getByLabel(fr.email, { exact: true })
        .inputValue(),
    ).resolves.toBe(SAM.email);
  });
});
