import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../support/server-process';

/**
 * End-to-end tests drive Debian's Chromium (`apt-get install chromium`) with playwright-core; Playwright's
 * own browser downloads are never used. Without Chromium the suites are skipped with a visible message,
 * except in CI, where that is a failure.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The project root, from dist/test/e2e (or any other tsc outDir one level below the root). */
const ROOT = join(__dirname, '..', '..', '..');
export const SCREENSHOTS_DIR = join(ROOT, 'artifacts', 'screenshots');

/** The built web UI the server serves: WEB_DIST, as the server reads it, else dist/web. */
const WEB_DIST = process.env.WEB_DIST?.trim() || join(ROOT, 'dist', 'web');

/**
 * Builds the web UI into dist/web when it is missing or its sources changed since (the script `npm start`
 * uses; `npm test` builds only the server). A WEB_DIST given from outside is used as it is.
 */
async function buildWebIfStale(): Promise<void> {
  if (!process.env.WEB_DIST?.trim()) {
    await new Promise<void>((resolve, reject) => {
      const build = spawn(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs'), 'web'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
      build.once('error', reject);
      build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`building the web UI failed (scripts/build-if-stale.mjs web: exit ${code})`))));
    });
  }
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`The web UI is not built at ${WEB_DIST}: run \`npm run build\` (or set WEB_DIST)`);
  }
}

export function describeInChromium(title: string, suite: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(title, suite);
  } else if (process.env.CI) {
    describe(title, () => {
      it('runs in Chromium', () => {
        throw new Error(`Chromium is not at ${CHROMIUM_PATH}: in CI the browser tests must run (apt-get install -y chromium; see .ci/run)`);
      });
    });
  } else {
    const reason = `SKIPPED: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
    process.stderr.write(`${title} — ${reason}\n`);
    describe.skip(`${title} — ${reason}`, suite);
  }
}

/**
 * Chromium logs every 4xx answer to fetch as a console error. The API answers an unknown token with 401
 * on purpose (README, "Authentication and roles"), and the page shows the server's message for it.
 */
const EXPECTED_CONSOLE_ERROR = /^Failed to load resource: the server responded with a status of 401 \(Unauthorized\)$/;

export interface E2E {
  url: string;
  server: ServerProcess;
  browser: Browser;
  /** A new browser context (its own storage), in a browser locale; en-US unless told; `prepare` runs before the page loads. */
  newPage(options?: BrowserContextOptions, prepare?: (page: Page) => Promise<unknown>): Promise<Page>;
}

/**
 * For one suite: the real server process (`node dist/src/main.js`) on a fresh SQLite file with the demo
 * data, serving the built web UI, and one headless Chromium. Call at the top of a describe block.
 */
export function useE2E(): () => E2E {
  let current: E2E | undefined;
  let dir: string | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  // Building the page takes longer than a test may (about 10 s alone, more beside other test files).
  beforeAll(buildWebIfStale, 300_000);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marketo-e2e-'));
    const server = await startServerProcess({ DATABASE_URL: `sqlite:${join(dir, 'app.sqlite')}`, SEED_DEMO: '1', WEB_DIST });
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    } catch (error) {
      server.process.kill('SIGTERM');
      throw error;
    }
    current = {
      url: server.url,
      server,
      browser,
      async newPage(options = {}, prepare) {
        const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1000 }, ...options });
        context.setDefaultTimeout(10_000);
        contexts.push(context);
        const page = await context.newPage();
        // A script error, a failed load or a Content-Security-Policy violation fails the test (afterEach).
        page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error' && !EXPECTED_CONSOLE_ERROR.test(message.text())) pageErrors.push(`console error: ${message.text()}`);
        });
        await prepare?.(page);
        await page.goto(server.url);
        return page;
      },
    };
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await current?.browser.close();
    if (current) {
      current.server.process.kill('SIGTERM');
      await current.server.exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  return () => {
    if (!current) throw new Error('the e2e environment did not start');
    return current;
  };
}

/** Signs in on the sign-in form with a token (the form's labels in the page's language). */
export async function signIn(page: Page, token: string, labels = { token: 'API token', submit: 'Sign in' }): Promise<void> {
  await page.getByLabel(labels.token).fill(token);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The WCAG 2.x A/AA violations axe-core finds on the page as it is now, one line per rule and element
 * (`[]` when none). axe is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_AA)} } }).then((r) => r.violations)`)) as {
    id: string;
    nodes: { target: string[]; failureSummary: string }[];
  }[];
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary})`));
}

/** Retries an assertion until it passes (the page updates asynchronously), up to `timeout` ms. */
export async function eventually(assertion: () => Promise<void> | void, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Waits until <html lang> is `lang`. */
export async function expectPageLanguage(page: Page, lang: string): Promise<void> {
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
}

/** The API token the page keeps for the session, if any. */
export function storedToken(page: Page): Promise<string | null> {
  return page.evaluate('sessionStorage.getItem("apiToken")') as Promise<string | null>;
}
