import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withSqliteServer } from './support/each-database';

const run = promisify(execFile);

/** The project's root: the tests run from dist/test. */
const ROOT = join(__dirname, '..', '..');
const RUN_MARKER = '<!-- readme-test: run -->';
const OUTPUT_MARKER = '<!-- readme-test: output -->';

interface Block {
  marker: 'run' | 'output' | null;
  language: string;
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
}

/** Every fenced block of a Markdown text, with the readme-test marker on the line before its fence, if any. */
export function fencedBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\S*)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`README line ${i + 1}: the fence is never closed`);
    const before = lines[i - 1] ?? '';
    blocks.push({
      marker: before === RUN_MARKER ? 'run' : before === OUTPUT_MARKER ? 'output' : null,
      language: fence[1],
      line: i + 1,
      code: lines.slice(i + 1, end).join('\n'),
    });
    i = end;
  }
  return blocks;
}

const blocks = fencedBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
const shellBlocks = blocks.filter((block) => block.marker === 'run' && block.language === 'sh');
const snippets = blocks.flatMap((block, i) => {
  if (block.marker !== 'run' || block.language !== 'js') return [];
  const output = blocks[i + 1];
  if (output?.marker !== 'output') throw new Error(`README line ${block.line}: a runnable js block must be followed by its output block`);
  return [{ line: block.line, code: block.code, output: output.code }];
});

/** One bash script of the marked shell blocks in README order; each announces its line on stderr. */
function shellScript(): string {
  const parts = shellBlocks.map((block) => `echo '--- README line ${block.line}' >&2\n${block.code}`);
  return ['set -euo pipefail', ...parts, "echo '--- done' >&2"].join('\n');
}

async function bash(script: string, apiUrl: string): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run('bash', ['-c', script], {
      cwd: ROOT,
      env: { ...process.env, API_URL: apiUrl, TOKEN: '', EXPECT: '', LNG: '' },
      timeout: 50_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error: any) {
    const lastBlock = [...String(error.stderr).matchAll(/--- (README line \d+)/g)].pop()?.[1] ?? 'before the first block';
    throw new Error(
      `the README's shell examples failed in the block at ${lastBlock} (exit ${error.code}):\n` +
        `${String(error.stdout).slice(-3000)}\n--- stderr:\n${String(error.stderr).slice(-2000)}`,
      { cause: error },
    );
  }
}

// The README's examples, run as a reader would run them against `npm start`'s demo server: a README
// that lies (a request that fails, an answer with unexpected errors, an output that differs) fails here.
describe('the README', () => {
  const server = withSqliteServer({ demo: true });

  it('marks its runnable examples: shell blocks that call the API, and the client snippets with their output', () => {
    expect(shellBlocks.length).toBeGreaterThanOrEqual(10);
    expect(snippets).toHaveLength(2);
    for (const snippet of snippets) expect(snippet.code).toContain("process.env.API_URL ?? 'http://localhost:4000'");
    // An unmarked shell block that calls the API would go untested.
    const unmarked = blocks.filter((block) => block.marker === null && block.language === 'sh' && /\bcurl\b|\bgql\b/.test(block.code));
    expect(unmarked.map((block) => `README line ${block.line}`)).toEqual([]);
    // The helper sends nothing hard-coded: every example goes to API_URL.
    expect(shellBlocks.map((block) => block.code).join('\n')).not.toMatch(/(^|[\s'"])https?:\/\/localhost/m);
  });

  it('runs the shell examples top to bottom against a fresh demo server', async () => {
    const { stderr } = await bash(shellScript(), server().url);
    expect(stderr).toContain('--- done');
  });

  it('runs them again on the same server: retried mutations replay, nothing fails the second time', async () => {
    const { stdout, stderr } = await bash(shellScript(), server().url);
    expect(stderr).toContain('--- done');
    expect(stdout).toMatch(/"replayed": true/);
  });

  it('fails a block whose answer has an unexpected error, and one whose expected error does not come', async () => {
    const helper = shellBlocks.find((block) => block.code.includes('gql()'))!;
    const failing = [
      `set -euo pipefail\n${helper.code}\nTOKEN=demo-member-token gql '{ auditEvents { totalCount } }'`,
      `set -euo pipefail\n${helper.code}\nEXPECT=FORBIDDEN gql '{ auditEvents { totalCount } }'`,
      `set -euo pipefail\n${helper.code}\nX=$(gql '{ viewer { role } }' | get 'data.viewer.nothing')`,
      `set -euo pipefail\n${helper.code}\nTOKEN=wrong gql '{ viewer { role } }'`,
    ];
    for (const script of failing) await expect(bash(script, server().url)).rejects.toThrow(/failed/);
  });

  describe('client snippets', () => {
    // Inside the project, so that the snippets' imports resolve from its node_modules.
    const directory = join(ROOT, 'dist', 'readme-snippets');
    beforeAll(() => mkdirSync(directory, { recursive: true }));
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    it.each(snippets.map((snippet) => [snippet.line, snippet] as const))(
      'the js block at README line %i prints what the README shows',
      async (line, snippet) => {
        const file = join(directory, `line-${line}.mjs`);
        writeFileSync(file, snippet.code);
        const { stdout } = await run(process.execPath, [file], { cwd: ROOT, env: { ...process.env, API_URL: server().url }, timeout: 20_000 });
        expect(stdout.trim()).toBe(snippet.output.trim());
      },
    );
  });
});
