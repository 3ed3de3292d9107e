import type { Page } from 'playwright-core';
import { accessibilityViolations, describeInChromium, screenshot, useE2E, type E2E } from './browser';

/** The widths a native speaker reviewed the page at: a laptop (the help panel beside the list) and a phone. */
const WIDTHS = [1280, 390];
/** The reviewed languages, and the pseudo-locale (accented, 40 % longer, bracketed) for the languages to come. */
const LANGUAGES = [
  { lang: 'en', locale: 'en-US' },
  { lang: 'sv', locale: 'sv-SE' },
  { lang: 'fr', locale: 'fr-FR' },
  { lang: 'en-XA', locale: 'en-XA' },
];

/** The console line web/src/features/language/i18n.ts writes for a key no catalog has. */
const MISSING_KEY_WARNING = 'i18next: missing key';

/**
 * A page in a browser locale, at a width, in the page's language for it; the missing-key warnings its
 * console shows are collected in `warnings` (none is the expectation on every screen).
 */
async function openPage(e2e: E2E, locale: string, lang: string, width: number, warnings: string[]): Promise<Page> {
  const page = await e2e.newPage({ locale, viewport: { width, height: 900 } }, async (page) =>
    page.on('console', (message) => {
      if (message.text().startsWith(MISSING_KEY_WARNING)) warnings.push(message.text());
    }),
  );
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
  return page;
}

/**
 * Every visible element whose text is clipped (its content wider, or taller under overflow: hidden, than its
 * box) or that sticks out of the window sideways, except inside a focusable scroll region (the table box,
 * which a keyboard can scroll). Screen-reader-only text (a 1 px box) does not count.
 */
function clippedOrOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as any;
    const windowRight = document.documentElement.clientWidth;
    const scrollRegion = (element: any): boolean => {
      for (let node = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (/auto|scroll/.test(style.overflowX) && node.tabIndex >= 0) return true;
      }
      return false;
    };
    const describe = (element: any) => `${element.tagName.toLowerCase()}.${String(element.className)} "${(element.textContent ?? '').trim().slice(0, 50)}"`;
    const problems: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (style.visibility === 'hidden' || box.width <= 1 || box.height <= 1) continue;
      if (scrollRegion(element)) continue;
      if (box.left < -0.5 || box.right > windowRight + 0.5) problems.push(`outside the window: ${describe(element)}`);
      const ownText = Array.from(element.childNodes as any[]).some((node: any) => node.nodeType === 3 && node.textContent.trim() !== '');
      const textBox = ownText || ['INPUT', 'SELECT', 'BUTTON', 'TEXTAREA'].includes(element.tagName);
      if (!textBox || style.display === 'inline') continue;
      if (element.scrollWidth > element.clientWidth + 1) problems.push(`clipped sideways: ${describe(element)}`);
      if (style.overflowY !== 'visible' && element.scrollHeight > element.clientHeight + 1) problems.push(`clipped at the bottom: ${describe(element)}`);
    }
    return problems;
  });
}

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

/** The cells of a user's row neither on screen nor in the table's focusable scroll region: each column must be readable. */
function rowCellsOutOfReach(page: Page, name: string): Promise<string[]> {
  return row(page, name).evaluate((tr: any) => {
    const { document } = globalThis as any;
    const windowRight = document.documentElement.clientWidth;
    const region = tr.closest('[role="region"][tabindex="0"]');
    const regionBox = region?.getBoundingClientRect();
    return Array.from(tr.querySelectorAll('th, td') as any[])
      .filter((cell: any) => {
        const box = cell.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) return false; // not rendered
        const onScreen = box.left >= -0.5 && box.right <= windowRight + 0.5;
        const inRegion = regionBox && box.top >= regionBox.top - 0.5 && region.scrollWidth >= box.right - regionBox.left + region.scrollLeft - 0.5;
        return !onScreen && !inRegion;
      })
      .map((cell: any) => String(cell.textContent).trim());
  });
}

describeInChromium('the Team Access page holds at 1280 px and 390 px in English, Swedish, French and the pseudo-locale', () => {
  const e2e = useE2E();
  const warnings: string[] = [];

  afterEach(() => expect(warnings.splice(0)).toEqual([]));

  for (const width of WIDTHS) {
    for (const { lang, locale } of LANGUAGES) {
      it(`sign-in, ${lang}, ${width} px: no text clipped or outside the window, axe finds nothing`, async () => {
        const page = await openPage(e2e(), locale, lang, width, warnings);
        await page.locator('input[type="password"]').waitFor();
        await expect(clippedOrOutside(page)).resolves.toEqual([]);
        await expect(pageScrollsSideways(page)).resolves.toBe(false);
        await screenshot(page, `layout-sign-in-${lang}-${width}`);
        expect(await accessibilityViolations(page)).toEqual([]);
      });

      it(`admin, ${lang}, ${width} px: the table fits its box, an ALREADY_CONNECTED result is on screen, the help panel holds, axe finds nothing`, async () => {
        const page = await openPage(e2e(), locale, lang, width, warnings);
        await signInWith(page, 'demo-admin-token');
        await page.locator('aside h2, aside h3').first().waitFor();
        await showAlreadyConnectedError(page);

        const layout = await measureTable(page);
        expect(layout.overflowing).toEqual([]);
        expect(layout.wrap.scrollWidth).toBeLessThanOrEqual(layout.wrap.clientWidth);
        expect(layout.wrap.right).toBeLessThanOrEqual(layout.viewport.right);
        expect(layout.errorCell).not.toBeNull();
        expect(layout.errorCell!.left).toBeGreaterThanOrEqual(layout.viewport.left);
        expect(layout.errorCell!.right).toBeLessThanOrEqual(layout.viewport.right);
        await expect(rowCellsOutOfReach(page, 'Alex Morgan')).resolves.toEqual([]);
        await expect(actionsPastTheCard(page)).resolves.toEqual([]);
        await expect(clippedOrOutside(page)).resolves.toEqual([]);
        await expect(pageScrollsSideways(page)).resolves.toBe(false);
        await screenshot(page, `layout-admin-${lang}-${width}`);
        expect(await accessibilityViolations(page)).toEqual([]);
      });

      it(`member, ${lang}, ${width} px: the table fits its box, the page does not scroll sideways, axe finds nothing`, async () => {
        const page = await openPage(e2e(), locale, lang, width, warnings);
        await signInWith(page, 'demo-member-token');
        await page.locator('table.team-table caption').filter({ hasText: /52/ }).waitFor();

        const layout = await measureTable(page);
        expect(layout.overflowing).toEqual([]);
        expect(layout.wrap.scrollWidth).toBeLessThanOrEqual(layout.wrap.clientWidth);
        await expect(clippedOrOutside(page)).resolves.toEqual([]);
        await expect(pageScrollsSideways(page)).resolves.toBe(false);
        await screenshot(page, `layout-member-${lang}-${width}`);
        expect(await accessibilityViolations(page)).toEqual([]);
      });

      it(`connect form (Globex, not connected), ${lang}, ${width} px: no text clipped or outside the window, axe finds nothing`, async () => {
        const page = await openPage(e2e(), locale, lang, width, warnings);
        await signInWith(page, 'demo-globex-admin-token');
        await page.locator('form.connect-marketo button.primary').waitFor();
        await expect(clippedOrOutside(page)).resolves.toEqual([]);
        await expect(pageScrollsSideways(page)).resolves.toBe(false);
        await screenshot(page, `layout-connect-${lang}-${width}`);
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
    // The member's table: 8 columns (no checkboxes), 20 users a page, each headed by their name.
    expect({ table: count('table'), columnheader: count('columnheader'), row: count('row'), rowheader: count('rowheader'), cell: count('cell') }).toEqual({
      table: 1,
      columnheader: 8,
      row: 21,
      rowheader: 20,
      cell: 20 * 7,
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
