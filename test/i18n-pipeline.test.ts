import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localesDir, projectRoot } from '../src/core/paths';

/** The translator's commands, run as `npm run i18n:check` and `npm run i18n:tm` run them, on a copy of locales/. */
function run(script: 'i18n-check' | 'i18n-tm', dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'dist', 'src', 'app', `${script}.js`), '--locales', dir, ...args], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function editJson(file: string, change: (content: any) => void): void {
  const content = JSON.parse(readFileSync(file, 'utf8'));
  change(content);
  writeFileSync(file, JSON.stringify(content, null, 2));
}

describe('the localization pipeline end to end (npm run i18n:check and i18n:tm on a copy of locales/)', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'locales-')), 'locales');
    cpSync(localesDir, dir, { recursive: true });
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('passes today, fails once an English string changes, and warns only after a translator records a decision', () => {
    expect(run('i18n-check', dir)).toMatchObject({ status: 0, output: expect.stringContaining('✓ no failure') });

    editJson(join(dir, 'en', 'ui.json'), (ui) => (ui.teamAccess.empty = 'No user matches the search.'));
    const stale = run('i18n-check', dir);
    expect(stale.status).toBe(1);
    expect(stale.output).toContain('✗ sv: "ui:teamAccess.empty" is stale: English changed since it was translated');
    expect(stale.output).toContain('✗ fr: "ui:teamAccess.empty" is stale');

    expect(
      run('i18n-tm', dir, '--keep', 'sv', 'ui:teamAccess.empty', '--note', 'keep: "Inga användare matchar." still says it', '--by', 'Anna Lind'),
    ).toMatchObject({ status: 0 });
    expect(run('i18n-check', dir).output).toContain('⚠ sv: "ui:teamAccess.empty" is stale');
    expect(run('i18n-check', dir).status).toBe(1); // French is still undecided

    expect(run('i18n-tm', dir, '--record', 'fr', 'ui:teamAccess.empty')).toMatchObject({ status: 0, output: 'fr: recorded ui:teamAccess.empty\n' });
    const after = run('i18n-check', dir);
    expect(after.status).toBe(0);
    expect(after.output).toMatch(/kept by Anna Lind on \d{4}-\d{2}-\d{2}: keep: "Inga användare matchar\." still says it/);
    expect(after.output).not.toContain('✗ fr');
  });

  it('finds a changed English help article stale in both translations, the French one named a variant', () => {
    const english = join(dir, 'help', 'grant-marketo-access-to-users.en.md');
    writeFileSync(english, readFileSync(english, 'utf8').replace('Please wait ten minutes', 'Please wait at least ten minutes'));
    const result = run('i18n-check', dir);
    expect(result.status).toBe(1);
    expect(result.output).toContain('✗ sv: "help:grant-marketo-access-to-users" is stale: English changed since it was translated');
    expect(result.output).toContain('✗ fr: "help:grant-marketo-access-to-users" is stale: English changed since the variant was compared with');
  });

  it('fails on a new key until it is translated and recorded; --record-all-new records it and leaves stale keys alone', () => {
    editJson(join(dir, 'en', 'ui.json'), (ui) => {
      ui.teamAccess.newKey = 'Invite more users';
      ui.teamAccess.empty = 'No user matches the search.';
    });
    editJson(join(dir, 'sv', 'ui.json'), (ui) => (ui.teamAccess.newKey = 'Bjud in fler användare'));
    editJson(join(dir, 'fr', 'ui.json'), (ui) => (ui.teamAccess.newKey = 'Invitez d’autres utilisateurs'));
    const before = run('i18n-check', dir).output;
    expect(before).toContain('✗ sv: "ui:teamAccess.newKey" has no translation-memory record');
    expect(before).toContain('✗ en: "ui:teamAccess.newKey" is used nowhere in src/ or web/src/');

    expect(run('i18n-tm', dir, '--record-all-new')).toMatchObject({
      status: 0,
      output: 'fr: recorded 1 new: ui:teamAccess.newKey\nsv: recorded 1 new: ui:teamAccess.newKey\n',
    });
    const after = run('i18n-check', dir).output;
    expect(after).not.toContain('"ui:teamAccess.newKey" has no translation-memory record');
    expect(after).toContain('✗ sv: "ui:teamAccess.empty" is stale');
  });

  it('refuses a key English does not have, and --keep without a note and a name', () => {
    expect(run('i18n-tm', dir, '--record', 'sv', 'ui:no.such.key')).toMatchObject({
      status: 1,
      output: expect.stringContaining('English has no "ui:no.such.key"'),
    });
    expect(run('i18n-tm', dir, '--keep', 'sv', 'ui:teamAccess.empty')).toMatchObject({ status: 1, output: expect.stringContaining('--keep needs --note') });
  });
});
