import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/core/paths';

/** Runs `npm run schema:check`'s script on a current and a released schema; its exit code and output. */
function check(released: string, current: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'schema-check-'));
  try {
    writeFileSync(join(dir, 'released.graphql'), released);
    writeFileSync(join(dir, 'current.graphql'), current);
    const result = spawnSync(
      process.execPath,
      [join(projectRoot, 'scripts', 'schema-breaking-check.mjs'), join(dir, 'current.graphql'), join(dir, 'released.graphql')],
      {
        cwd: projectRoot,
        encoding: 'utf8',
      },
    );
    return { status: result.status, output: result.stdout + result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const RELEASED = `
type Query {
  user: User
  users(first: Int, limit: Int @deprecated(reason: "Use first.")): [User!]!
}

type User {
  id: ID!
  name: String!
  login: String @deprecated(reason: "Use name.")
  role: Role!
}

enum Role {
  ADMIN
  MEMBER
  GUEST @deprecated(reason: "Guests are members now.")
}
`;

describe('npm run schema:check (scripts/schema-breaking-check.mjs)', () => {
  it('passes when nothing changed', () => {
    expect(check(RELEASED, RELEASED)).toMatchObject({ status: 0 });
  });

  it('fails on the removal of a field clients may select, naming it', () => {
    const { status, output } = check(RELEASED, RELEASED.replace('  name: String!\n', ''));
    expect(status).toBe(1);
    expect(output).toContain('User.name');
  });

  it('fails on other breaking changes: an enum value removed, a field made nullable... each listed', () => {
    const { status, output } = check(RELEASED, RELEASED.replace('  MEMBER\n', '').replace('role: Role!', 'role: Role'));
    expect(status).toBe(1);
    expect(output).toContain('2 breaking change(s)');
    expect(output).toContain('Role.MEMBER');
    expect(output).toContain('User.role');
  });

  it('passes when a field is added', () => {
    expect(check(RELEASED, RELEASED.replace('  name: String!\n', '  name: String!\n  email: String\n'))).toMatchObject({ status: 0 });
  });

  it('passes when what the released schema had deprecated is removed: a field, an enum value, an argument', () => {
    const current = RELEASED.replace('  login: String @deprecated(reason: "Use name.")\n', '')
      .replace('  GUEST @deprecated(reason: "Guests are members now.")\n', '')
      .replace(', limit: Int @deprecated(reason: "Use first.")', '');
    expect(check(RELEASED, current)).toMatchObject({ status: 0 });
  });

  it('passes on the committed schema/schema.graphql against schema/released.graphql', () => {
    const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'schema-breaking-check.mjs')], { cwd: projectRoot, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toContain('no breaking change');
    expect(result.status).toBe(0);
  });
});
