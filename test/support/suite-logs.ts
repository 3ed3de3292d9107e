import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PEOPLE, DEMO_TOKENS } from '../../src/app/demo-seed';

/**
 * The whole suite's server logs, scanned for personal data once every test has run (README, "What never
 * leaks"): Jest's globalSetup makes a directory and names it in SUITE_LOG_DIR, which the test workers
 * inherit; every test server that is not given a logger of its own logs at `info` into a file there;
 * globalTeardown reads them all and fails the run on an e-mail address, a demo person's name, a token or
 * a workspace name of the demo in any line.
 */
const SUITE_LOG_DIR = 'SUITE_LOG_DIR';

/** The logger options of a test server without its own (a file of the suite's logs) and how to close the file; none outside a Jest run with the global setup. */
export function suiteLogger(): { options: object; close(): Promise<void> } | undefined {
  const dir = process.env[SUITE_LOG_DIR];
  if (!dir) return undefined;
  const stream = createWriteStream(join(dir, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.log`), { flags: 'a' });
  return { options: { level: 'info', stream }, close: () => new Promise((resolve) => stream.end(resolve)) };
}

export function createSuiteLogDir(): void {
  process.env[SUITE_LOG_DIR] = mkdtempSync(join(tmpdir(), 'suite-logs-'));
}

/** Matches an e-mail address anywhere in a line (`node_modules/@apollo/server` has nothing before its `@`). */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;

const FORBIDDEN: { what: string; found: (line: string) => boolean }[] = [
  { what: 'an e-mail address', found: (line) => EMAIL.test(line) },
  { what: 'a bearer token', found: (line) => /Bearer\s+\S/i.test(line) || Object.values(DEMO_TOKENS).some((token) => line.includes(token)) },
  { what: 'a demo person’s name', found: (line) => DEMO_PEOPLE.some((name) => line.includes(name)) },
  { what: 'a demo workspace name', found: (line) => /"[^"]*\b(?:EMEA|APAC|North America)\b[^"]*"/.test(line) },
];

/** The leaks in the suite's logs, each as `what: file line` (never the line itself, which holds the leak). */
export function scanSuiteLogs(): { lines: number; leaks: string[] } {
  const dir = process.env[SUITE_LOG_DIR];
  if (!dir) return { lines: 0, leaks: [] };
  let lines = 0;
  const leaks: string[] = [];
  for (const file of readdirSync(dir)) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (!line) return;
        lines += 1;
        for (const rule of FORBIDDEN) if (rule.found(line)) leaks.push(`${rule.what}: ${file}:${index + 1} (msg ${JSON.stringify(msgOf(line))})`);
      });
  }
  rmSync(dir, { recursive: true, force: true });
  return { lines, leaks };
}

function msgOf(line: string): unknown {
  try {
    return (JSON.parse(line) as { msg?: unknown }).msg;
  } catch {
    return 'not JSON';
  }
}
