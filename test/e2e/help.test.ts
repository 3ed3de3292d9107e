import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describeInChromium, expectPageLanguage, screenshot, useE2E } from './browser';

/** The widths a native speaker reviewed the panel at: a laptop (the panel beside the list) and a phone. */
const WIDTHS = [1280, 390];

const INVITE_PAGE = 'https://experienceleague.adobe.com/docs/marketo/using/product-docs/marketo-sales-insight/actions/admin/invite-users-and-admins.html';
const NBSP = '\u00a0';

/** What a native speaker of each language expects the panel to show (reviewed per language). */
const EXPECTED = {
  en: {
    browserLocale: 'en-US',
    panel: 'Help',
    notice: null,
    callouts: ['Caution', 'Note'],
    screenshots: [1, 2, 3, 4, 4, 5].map((step) => `Screenshot: step ${step}`),
    link: { text: 'Sales Insight Actions', href: `${INVITE_PAGE}?lang=en#invite-users` },
  },
  sv: {
    browserLocale: 'sv-SE',
    panel: 'Hjälp',
    notice: {
      text: 'Den här artikeln är maskinöversatt.',
      showOriginal: 'Läs den engelska artikeln',
      original: 'Du läser den engelska artikeln.',
      back: 'Tillbaka till översättningen',
    },
    callouts: ['Varning', 'Obs!'],
    screenshots: [1, 2, 3, 4, 4, 5].map((step) => `Skärmbild: steg ${step}`),
    link: { text: 'Försäljningsinsikter', href: `${INVITE_PAGE}?lang=sv#invite-users` },
  },
  fr: {
    browserLocale: 'fr-FR',
    panel: 'Aide',
    notice: {
      text: 'Cet article est une traduction automatique d’une version plus ancienne, pour Marketo Sales Connect.',
      showOriginal: 'Lire l’article en anglais',
      original: 'Vous lisez l’article en anglais.',
      back: 'Revenir à la traduction',
    },
    callouts: ['Attention', 'Remarque'],
    screenshots: [1, 2, 3].map((step) => `Capture d’écran${NBSP}: étape ${step}`),
    link: { text: 'ici', href: 'https://experienceleague.adobe.com/docs/marketo/using/product-docs/marketo-sales-connect/admin/invite-users.html?lang=fr' },
  },
} as const;

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe's WCAG 2.x A/AA violations inside the help panel only (the rest of the page has its own tests). */
async function panelViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(
    `axe.run('aside.help', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }).then((r) => r.violations)`,
  )) as { id: string; nodes: { target: string[] }[] }[];
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

describeInChromium('the help panel says what the article is, in each language, at 1280 px and 390 px', () => {
  const e2e = useE2E();

  const open = async (lang: keyof typeof EXPECTED, width: number) => {
    const page = await e2e().newPage({ locale: EXPECTED[lang].browserLocale, viewport: { width, height: 900 } });
    await expectPageLanguage(page, lang);
    // The demo token is filled in: Enter signs in, in any language.
    await page.locator('input[type="password"]').press('Enter');
    const panel = page.getByRole('complementary', { name: EXPECTED[lang].panel });
    await panel.locator('article.help-article').waitFor();
    return { page, panel };
  };

  for (const lang of ['en', 'sv', 'fr'] as const) {
    for (const width of WIDTHS) {
      it(`${lang} at ${width} px: the notice, callout titles, screenshot lines and the resolved invite link`, async () => {
        const expected = EXPECTED[lang];
        const { page, panel } = await open(lang, width);
        const notice = panel.locator('.help-notice p');
        if (expected.notice) {
          await expect(notice.textContent()).resolves.toBe(expected.notice.text);
        } else {
          await expect(notice.count()).resolves.toBe(0);
        }
        await expect(panel.locator('.callout-title').allTextContents()).resolves.toEqual(expected.callouts);
        for (const title of expected.callouts) await panel.getByRole('note', { name: title, exact: true }).waitFor();
        await expect(panel.locator('.help-screenshot').allTextContents()).resolves.toEqual(expected.screenshots);
        await expect(panel.locator('img').count()).resolves.toBe(0);
        const link = panel.getByRole('link', { name: expected.link.text, exact: true });
        await expect(link.getAttribute('href')).resolves.toBe(expected.link.href);
        await expect(link.getAttribute('target')).resolves.toBe('_blank');
        await expect(link.getAttribute('rel')).resolves.toMatch(/\bnoopener\b/);
        expect(await panelViolations(page)).toEqual([]);
        await screenshot(page, `help-${lang}-${width}`);
      });
    }
  }

  for (const lang of ['sv', 'fr'] as const) {
    it(`${lang}: the notice's button shows the English article in the panel, and the way back`, async () => {
      const notice = EXPECTED[lang].notice;
      const { page, panel } = await open(lang, 1280);
      await panel.getByRole('button', { name: notice.showOriginal }).click();
      await panel.getByRole('heading', { name: 'Grant Marketo Access to Users' }).waitFor();
      await expect(panel.locator('article.help-article').getAttribute('lang')).resolves.toBe('en');
      await expect(panel.locator('.help-notice p').textContent()).resolves.toBe(notice.original);
      // The English article inside a Swedish or French page: the panel's own words stay in the page's language.
      await expect(panel.locator('.callout-title').allTextContents()).resolves.toEqual(EXPECTED[lang].callouts);
      expect(await panelViolations(page)).toEqual([]);
      await panel.getByRole('button', { name: notice.back }).click();
      await expect(panel.locator('.help-notice p').textContent()).resolves.toBe(notice.text);
    });
  }
});
