import type { Page } from 'playwright-core';
import i18next, { type ResourceLanguage } from 'i18next';
import { loadResources } from '../../src/modules/localization/i18n';
import { PSEUDO_LOCALE, pseudoLocalize } from '../../src/modules/localization/pseudo-locale';
import { accessibilityViolations, describeInChromium, expectPageLanguage, screenshot, useE2E } from './browser';

/** The widths a native speaker reviews the console at: a laptop and a phone. */
const WIDTHS = [1280, 390];

/** Per language: the labels the test clicks, and a long name to invite (the longest line of a result). */
const LANGUAGES = [
  { lang: 'en', locale: 'en-US', user2: 'User 2', addAnother: 'Add another user', invite: 'Invite', invited: /user invited · 1 error$/ },
  {
    lang: 'sv',
    locale: 'sv-SE',
    user2: 'Användare 2',
    addAnother: 'Lägg till ytterligare en användare',
    invite: 'Bjud in',
    invited: /användare inbjuden · 1 fel$/,
  },
  {
    lang: 'fr',
    locale: 'fr-FR',
    user2: 'Utilisateur 2',
    addAnother: 'Ajouter un autre utilisateur',
    invite: 'Inviter',
    invited: /utilisateur invité · 1 erreur$/,
  },
  pseudoLocaleLabels(),
];

/** The same labels in the pseudo-locale, made from the English catalog as the server makes it. */
function pseudoLocaleLabels() {
  const pseudo = i18next.createInstance();
  void pseudo.init({
    resources: { [PSEUDO_LOCALE]: { ui: pseudoLocalize(loadResources().en.ui as ResourceLanguage) } },
    lng: PSEUDO_LOCALE,
    defaultNS: 'ui',
    initAsync: false,
  });
  const t = pseudo.getFixedT(PSEUDO_LOCALE, 'ui');
  const counts = `${t('teamManagement.invitedCount', { count: 1 })} · ${t('counts.errors', { count: 1 })}`;
  return {
    lang: PSEUDO_LOCALE,
    locale: PSEUDO_LOCALE,
    user2: t('teamManagement.invitee', { number: 2 }),
    addAnother: t('teamManagement.addInvitee'),
    invite: t('actions.invite'),
    invited: new RegExp(`${counts.replace(/[[\]().*+?^$|{}]/g, '\\$&')}$`),
  };
}

/** The little of the DOM the measurement uses (the tests compile without the DOM library). */
interface Element {
  getBoundingClientRect(): { left: number; right: number; width: number; height: number };
  scrollWidth: number;
  clientWidth: number;
  tagName: string;
  className: string;
  textContent: string | null;
  querySelectorAll(selector: string): Iterable<Element>;
}
type BrowserGlobals = { document: Element & { documentElement: Element }; getComputedStyle(element: Element): { overflowX: string } };

/**
 * Elements of the page whose content is wider than their box (clipped or spilling out), or whose box passes
 * the window's right edge; `[]` when the whole page holds.
 */
function clippedOrOutside(page: Page): Promise<string[]> {
  return page.evaluate((): string[] => {
    const { document, getComputedStyle } = globalThis as unknown as BrowserGlobals;
    const right = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const element of document.querySelectorAll('.main *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      // An <input>'s scrollWidth is its value's; a long value scrolls inside it, as text fields do.
      if (element.tagName === 'INPUT' || element.tagName === 'SELECT' || element.tagName === 'OPTION') continue;
      const spills = element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'auto';
      if (spills || box.right > right + 0.5) found.push(`${element.tagName}.${element.className} "${(element.textContent ?? '').slice(0, 40)}"`);
    }
    return found;
  });
}

describeInChromium('the Team Management page and the Granted columns hold at 1280 px and 390 px in English, Swedish, French and the pseudo-locale', () => {
  const e2e = useE2E();
  let run = 0;

  for (const width of WIDTHS) {
    for (const expected of LANGUAGES) {
      it(`${expected.lang}, ${width} px: the form and its results fit, nothing is clipped, axe finds nothing`, async () => {
        run += 1;
        const page = await e2e().newPage({ locale: expected.locale, viewport: { width, height: 900 } });
        await expectPageLanguage(page, expected.lang);
        const field = page.locator('input[type="password"]');
        await field.fill('demo-admin-token');
        await field.press('Enter');
        await page.locator('table.team-table tbody th').first().waitFor();
        await page.locator('.page-tabs a[href="#/team-management"]').click();
        await page.locator('form.invite-form').waitFor();

        // One long accented name invited, one address already taken: both kinds of result on screen.
        const rows = page.locator('fieldset.invitee');
        await rows.nth(0).locator('input[type="text"]').fill(`Marie-Éléonore Ångström-Lefèvre de la Tour-Dubois ${run}`);
        await rows.nth(0).locator('input[type="email"]').fill(`marie-eleonore.angstrom-lefevre.${run}.${expected.lang}@acme.example`);
        await page.getByRole('button', { name: expected.addAnother, exact: true }).click();
        const second = page.getByRole('group', { name: expected.user2, exact: true });
        await second.locator('input[type="text"]').fill('Sam Rivera');
        await second.locator('input[type="email"]').fill('sam.rivera@acme.example');
        await page.getByRole('button', { name: expected.invite, exact: true }).click();
        await page.getByRole('status').filter({ hasText: expected.invited }).waitFor();
        await page.locator('.invite-result-error').waitFor();

        await expect(clippedOrOutside(page)).resolves.toEqual([]);
        await expect(page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).resolves.toBe(true);
        await screenshot(page, `team-management-${expected.lang}-${width}`);
        expect(await accessibilityViolations(page)).toEqual([]);
      });
    }
  }

  it('keeps the Granted columns in the table screen readers read when rows stack at 390 px (8 columns, 7 cells a row)', async () => {
    const page = await e2e().newPage({ locale: 'sv-SE', viewport: { width: 390, height: 900 } });
    const field = page.locator('input[type="password"]');
    await field.fill('demo-member-token');
    await field.press('Enter');
    await page.locator('table.team-table tbody th').first().waitFor();
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Namn',
      'E-post',
      'Roll',
      'Status',
      'Arbetsytor',
      'Beviljad',
      'Beviljad av',
      'Resultat',
    ]);
    await expect(table.getByRole('row').nth(1).getByRole('cell').count()).resolves.toBe(7);

    // Alex Morgan was connected by himself (demo data): on the card, each value under its column's name.
    const alex = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Alex Morgan', exact: true }) });
    const grantedAt = alex.locator('td.granted-at');
    await expect(grantedAt.getAttribute('data-label')).resolves.toBe('Beviljad');
    await expect(grantedAt.locator('time').textContent()).resolves.toMatch(/^\d{1,2} [a-zåäö]{3,4}\.? \d{4} \d{2}:\d{2}$/);
    await expect(alex.locator('td.granted-by').innerText()).resolves.toBe('Alex Morgan');
    await expect(alex.locator('td.granted-by').getAttribute('data-label')).resolves.toBe('Beviljad av');
    await expect(grantedAt.isVisible()).resolves.toBe(true);
  });
});
