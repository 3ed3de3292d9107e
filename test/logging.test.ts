import { Writable } from 'node:stream';
import { CONNECT, INVITE, TEAM_ACCESS } from './support/operations';
import { withSqliteServer } from './support/each-database';
import { DEMO_TOKENS } from './support/test-server';

describe('structured logs', () => {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(
        ...chunk
          .toString()
          .trim()
          .split('\n')
          .map((line: string) => JSON.parse(line)),
      );
      done();
    },
  });

  const server = withSqliteServer({ logger: { level: 'info', stream } });

  it('logs each operation once, with the request id, operation name, duration and outcome', async () => {
    const response = await fetch(`${server().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.acmeAdmin}`, 'x-request-id': 'trace-42' },
      body: JSON.stringify({ query: 'query Who { viewer { role } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    await server().gql('mutation Nope { connectMarketoUsers(input: { assignments: [] }) { errorCount } }');
    const operations = lines.filter((line) => line.msg === 'graphql operation');
    expect(operations).toContainEqual(
      expect.objectContaining({ reqId: 'trace-42', operationName: 'Who', operationType: 'query', outcome: 'ok', errorCodes: [] }),
    );
    expect(operations).toContainEqual(
      expect.objectContaining({ operationName: 'Nope', operationType: 'mutation', outcome: 'error', errorCodes: ['BAD_USER_INPUT'] }),
    );
    for (const line of operations) expect(typeof line.durationMs).toBe('number');
  });

  it('never logs tokens, e-mails or names', async () => {
    await server().gql(INVITE, { input: { users: [{ name: 'Secret Person', email: 'secret.person@acme.example' }] } });
    await server().gql(CONNECT, { input: { assignments: [{ userIds: ['x'] }] } }, { token: 'a-wrong-token' });
    const variables = encodeURIComponent(JSON.stringify({ search: 'secret.person@acme.example' }));
    await fetch(`${server().url}/graphql?query=${encodeURIComponent(TEAM_ACCESS)}&variables=${variables}`, {
      headers: { authorization: `Bearer ${DEMO_TOKENS.acmeAdmin}`, 'apollo-require-preflight': 'true' },
    });
    expect(lines.some((line) => line.req?.url === '/graphql')).toBe(true);
    const text = JSON.stringify(lines);
    for (const secret of [DEMO_TOKENS.acmeAdmin, 'a-wrong-token', 'secret.person@acme.example', 'secret.person%40acme.example', 'Secret Person', 'Bearer'])
      expect(text).not.toContain(secret);
  });
});
