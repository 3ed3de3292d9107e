import type { Page } from 'playwright-core';
import { accessibilityViolations, describeInChromium, screenshot, useE2E } from './browser';

/** The widths a native speaker reviewed the page at: a laptop (the help panel beside the list) and a phone. */
const WIDTHS = [1280, 390];
const LANGUAGES = [
  { lang: 'en', locale: 'en-US' },
  { lang: 'sv', locale: 'sv-SE' },
  { lang: 'fr', locale: 'fr-FR' },
];

/** The row of a user in the Team Access table, found by the row header (the name). */
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** Signs in with the token the demo prefills (the admin's) or another, whatever the page's language. */
async function signInWith(page: Page, token: string): Promise<void> {
  const field = page.locator('input[type="password"]');
  await field.fill(token);
  await field.press('Enter');
  await page.locator('table.team-table tbody th').first().waitFor();
}

/**
 * Alex Morgan is connected with the Default workspace: connecting him with APAC fails with
 * ALREADY_CONNECTED, the longest text of the Result column, and writes nothing.
 */
async function showAlreadyConnectedError(page: Page): Promise<void> {
  await row(page, 'Alex Morgan').getByRole('checkbox').check();
  await page.getByRole('listbox').selectOption({ label: 'APAC' });
  await page.locator('.actions button.primary').click();
  await row(page, 'Alex Morgan').locator('td.result-error').filter({ hasText: /\S/ }).waitFor();
}

interface Box {
  left: number;
  right: number;
}
interface TableLayout {
  viewport: Box;
  wrap: Box & { scrollWidth: number; clientWidth: number };
  /** Cells (visible th and td) sticking out of the table's box or whose own content overflows them. */
  overflowing: string[];
  errorCell: Box | null;
}

/** The little of the DOM the measurements use (the tests compile without the DOM library). */
interface Element {
  getBoundingClientRect(): { left: number; right: number; width: number; height: number };
  scrollWidth: number;
  clientWidth: number;
  tagName: string;
  textContent: string | null;
  closest(selector: string): Element | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): Iterable<Element>;
}
type BrowserGlobals = { document: Element & { documentElement: Element } };

/** Measures the table against its container, the container against the window, and the Result cell of an error row. */
function measureTable(page: Page): Promise<TableLayout> {
  return page.evaluate((): TableLayout => {
    const { document } = globalThis as unknown as BrowserGlobals;
    const wrap = document.querySelector('.table-wrap')!;
    const wrapBox = wrap.getBoundingClientRect();
    const overflowing: string[] = [];
    for (const cell of wrap.querySelectorAll('th, td')) {
      const box = cell.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered (display: none)
      const head = cell.closest('thead');
      if (head && head.getBoundingClientRect().width <= 1) continue; // headers kept for screen readers only (stacked rows)
      const sticksOut = box.left < wrapBox.left - 0.5 || box.right > wrapBox.right + 0.5;
      const clipsContent = cell.scrollWidth > cell.clientWidth + 1;
      if (sticksOut || clipsContent) overflowing.push(`${cell.tagName} "${cell.textContent?.slice(0, 40)}" ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
    const errorCell = document.querySelector('td.result-error')?.getBoundingClientRect() ?? null;
    return {
      viewport: { left: 0, right: document.documentElement.clientWidth },
      wrap: { left: wrapBox.left, right: wrapBox.right, scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth },
      overflowing,
      errorCell: errorCell && { left: errorCell.left, right: errorCell.right },
    };
  });
}

/** Whether the page scrolls sideways (something is wider than the window). */
function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { documentElement } = (globalThis as unknown as BrowserGlobals).document;
    return documentElement.scrollWidth > documentElement.clientWidth;
  });
}

/** The Connect / Disconnect row's items whose right edge passes the card's content box (the table's box has the same width). */
function actionsPastTheCard(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as BrowserGlobals;
    const edge = document.querySelector('.table-wrap')!.getBoundingClientRect().right;
    return Array.from(document.querySelectorAll('.actions > *'))
      .filter((item) => item.getBoundingClientRect().right > edge + 0.5)
      .map((item) => item.textContent ?? '');
  });
}

describeInChromium('the Team Access page holds at 1280 px and 390 px in English, Swedish and French', () => {
  const e2e = useE2E();

  for (const width of WIDTHS) {
    for (const { lang, locale } of LANGUAGES) {
      it(`admin, ${lang}, ${width} px: the table fits its box, an ALREADY_CONNECTED result is on screen, axe finds nothing`, async () => {
        const page = await e2e().newPage({ locale, viewport: { width, height: 900 } });
        await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
        await signInWith(page, 'demo-admin-token');
        await showAlreadyConnectedError(page);

        const layout = await measureTable(page);
        expect(layout.overflowing).toEqual([]);
        expect(layout.wrap.scrollWidth).toBeLessThanOrEqual(layout.wrap.clientWidth);
        expect(layout.wrap.right).toBeLessThanOrEqual(layout.viewport.right);
        expect(layout.errorCell).not.toBeNull();
        expect(layout.errorCell!.left).toBeGreaterThanOrEqual(layout.viewport.left);
        expect(layout.errorCell!.right).toBeLessThanOrEqual(layout.viewport.right);
        await expect(actionsPastTheCard(page)).resolves.toEqual([]);
        await expect(pageScrollsSideways(page)).resolves.toBe(false);
        await screenshot(page, `layout-admin-${lang}-${width}`);
        expect(await accessibilityViolations(page)).toEqual([]);
      });

      it(`member, ${lang}, ${width} px: the table fits its box, the page does not scroll sideways, axe finds nothing`, async () => {
        const page = await e2e().newPage({ locale, viewport: { width, height: 900 } });
        await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
        await signInWith(page, 'demo-member-token');
        await page.locator('table.team-table caption').filter({ hasText: /52/ }).waitFor();

        const layout = await measureTable(page);
        expect(layout.overflowing).toEqual([]);
        expect(layout.wrap.scrollWidth).toBeLessThanOrEqual(layout.wrap.clientWidth);
        await expect(pageScrollsSideways(page)).resolves.toBe(false);
        expect(await accessibilityViolations(page)).toEqual([]);
      });
    }
  }

  it('stays a table for screen readers when the rows stack at 390 px: every row keeps all its cells, empty ones too', async () => {
    const page = await e2e().newPage({ locale: 'sv-SE', viewport: { width: 390, height: 900 } });
    await signInWith(page, 'demo-member-token');
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string } }[] };
    const count = (role: string) => nodes.filter((node) => node.role?.value === role).length;
    // The member's table: 6 columns (no checkboxes), 20 users a page, each headed by their name.
    expect({ table: count('table'), columnheader: count('columnheader'), row: count('row'), rowheader: count('rowheader'), cell: count('cell') }).toEqual({
      table: 1,
      columnheader: 6,
      row: 21,
      rowheader: 20,
      cell: 20 * 5,
    });
  });

  it('keeps a keyboard way into the table box: a labelled, focusable region (axe: scrollable-region-focusable)', async () => {
    const page = await e2e().newPage({ locale: 'fr-FR', viewport: { width: 390, height: 900 } });
    await signInWith(page, 'demo-member-token');
    const region = page.getByRole('region', { name: 'Utilisateurs de l’équipe' });
    await expect(region.getAttribute('tabindex')).resolves.toBe('0');
    await region.focus();
    await expect(page.evaluate('document.activeElement.getAttribute("aria-label")')).resolves.toBe('Utilisateurs de l’équipe');
  });
});
