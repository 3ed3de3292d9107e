import { Writable } from 'node:stream';
import { DEMO_TOKENS, type TestServer } from './support/test-server';
import { describeEachDatabase, withSqliteServer } from './support/each-database';
import { CONNECT_MARKETO, INVITE, TEAM_ACCESS } from './support/operations';

/** A pino destination that keeps the parsed lines. */
function capturedLogs() {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().trim().split('\n')) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

const MISSPELLED_ENUM = '{ teamAccess(status: CONECTED) { totalCount } }';
const ENUM_VARIABLE = 'query Q($status: MarketoAccessStatus) { teamAccess(status: $status) { totalCount } }';
const MISSPELLED_FIELD = '{ teamAcess { totalCount } }';

/** Personal data and secrets the hostile run below sends; none may appear in a log line. */
const SECRETS = {
  names: ['Sigrid Secretsson', 'Zoé Confidentielle'],
  emails: ['sigrid.secretsson@acme.example', 'zoe.confidentielle@acme.example', 'not-an-email-of-hidden-person'],
  workspaces: ['Hidden Workspace EMEA', 'hidden workspace emea'],
  tokens: ['leaked-token-7f3a9c', DEMO_TOKENS.acmeAdmin, DEMO_TOKENS.globexAdmin],
};

/** A unique index on (organization, name) makes the second of two namesakes' inserts fail inside the invite's transaction. */
async function withNamesUnique(server: TestServer, run: () => Promise<void>) {
  const mysql = server.dataSource.options.type === 'mysql';
  await server.dataSource.query('CREATE UNIQUE INDEX ux_leak_test_name ON team_user (organization_id, name)');
  try {
    await run();
  } finally {
    await server.dataSource.query(mysql ? 'DROP INDEX ux_leak_test_name ON team_user' : 'DROP INDEX ux_leak_test_name');
  }
}

const logs = capturedLogs();

describeEachDatabase(
  'production: nothing leaks to clients or logs',
  (server) => {
    it.each([
      ['a misspelled enum value', MISSPELLED_ENUM, {}, 'GRAPHQL_VALIDATION_FAILED'],
      ['an enum variable that does not coerce', ENUM_VARIABLE, { status: 'CONECTED' }, 'BAD_USER_INPUT'],
      ['a misspelled field', MISSPELLED_FIELD, {}, 'GRAPHQL_VALIDATION_FAILED'],
    ])('gives no "Did you mean" hint for %s, localized', async (_name, query, variables, code) => {
      const response = await server().gql(query, variables, { headers: { 'accept-language': 'sv' } });
      expect(response.status).toBe(400);
      expect(response.errors![0].extensions.code).toBe(code);
      expect(response.errors![0].message).toMatch(/^(Frågan|Variablerna) stämmer inte/);
      expect(JSON.stringify(response)).not.toMatch(/Did you mean|CONNECTED|teamAccess\b/);
    });

    it('masks a failed write as INTERNAL_SERVER_ERROR with a localized message; the log keeps a redacted error with the request id', async () => {
      const [first, second] = SECRETS.names;
      let response: Awaited<ReturnType<TestServer['gql']>> | undefined;
      await withNamesUnique(server(), async () => {
        response = await server().gql(
          INVITE,
          {
            input: {
              users: [
                { name: first, email: SECRETS.emails[0] },
                { name: first, email: SECRETS.emails[1] },
              ],
            },
          },
          { headers: { 'accept-language': 'fr', 'x-request-id': `failed-write-${server().dataSource.options.type}` } },
        );
      });
      expect(response!.errors![0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', i18nKey: 'errors:request.INTERNAL_SERVER_ERROR' });
      expect(response!.errors![0].message).toBe('Une erreur s’est produite de notre côté. Veuillez réessayer.');
      expect(JSON.stringify(response)).not.toMatch(/team_user|SQL|constraint|Duplicate|stack/i);
      const errorLines = logs.lines.filter((line) => line.level >= 50 && line.reqId === `failed-write-${server().dataSource.options.type}`);
      expect(errorLines.length).toBeGreaterThan(0);
      for (const line of errorLines) expect(line.err).toEqual(expect.objectContaining({ type: 'QueryFailedError', code: expect.anything() }));
      const stillThere = await server().gql(TEAM_ACCESS, { search: second });
      expect(stillThere.data.teamAccess.totalCount).toBe(0);
    });

    it('runs hostile and failing operations without a name, e-mail, workspace name or token in any log line', async () => {
      await server().gql(INVITE, { input: { users: [{ name: SECRETS.names[1], email: SECRETS.emails[2] }] } });
      await server().gql(TEAM_ACCESS, { search: SECRETS.emails[1] }, { token: SECRETS.tokens[0] });
      // Globex has no Marketo connection yet: the workspaces are written (on MariaDB the two names collide).
      await server().gql(CONNECT_MARKETO, { input: { workspacesEnabled: true, workspaceNames: SECRETS.workspaces } }, { token: DEMO_TOKENS.globexAdmin });
      await server().gql(`{ teamAccess(search: "${SECRETS.names[0]}") { totalCount } teamAccess(search: 1) { totalCount } }`);
      let deep: unknown = SECRETS.emails[0];
      for (let level = 0; level < 20; level++) deep = [deep];
      await server().gql('{ locales { code } }', { x: deep });
      const lost = await fetch(`${server().url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRETS.tokens[0]}` },
        body: `{"query": "{ viewer { role } }", "variables": {"name": "${SECRETS.names[1]}"`,
      });
      expect(lost.status).toBe(400);
      expect((await fetch(`${server().url}/health`)).status).toBe(200);

      expect(logs.lines.filter((line) => line.msg === 'graphql operation').length).toBeGreaterThan(5);
      const text = JSON.stringify(logs.lines);
      for (const secret of Object.values(SECRETS).flat()) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/Bearer|parameters|sqlMessage/);
    });
  },
  { production: true, logger: { level: 'info', stream: logs.stream } },
);

describe('development: hints stay for developers', () => {
  const server = withSqliteServer();

  it('keeps "Did you mean" in development, where the schema is public', async () => {
    const response = await server().gql(ENUM_VARIABLE, { status: 'CONECTED' });
    expect(response.errors![0].message).toMatch(/Did you mean the enum value "CONNECTED"\?/);
  });
});
