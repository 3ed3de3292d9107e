import { describeEachDatabase } from './support/each-database';
import { countRows, notConnectedUsers } from './support/fixtures';
import { CONNECT, DISCONNECT, INVITE, TEAM_ACCESS } from './support/operations';

describeEachDatabase('hostile and malformed input, answered with stable codes while the server stays up', (server) => {
  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${server().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-admin-token', ...headers },
      body,
    });

  afterEach(async () => {
    expect((await fetch(`${server().url}/health`)).status).toBe(200);
  });

  it.each([
    ['malformed JSON', '{"query": ', {}, 400, 'INVALID_JSON'],
    ['a wrong content type', '<query/>', { 'content-type': 'application/xml' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a 10 MB body', Buffer.alloc(10 * 1024 * 1024, 'a'), {}, 413, 'REQUEST_TOO_LARGE'],
  ] as const)('refuses %s with a localized BAD_REQUEST', async (_name, body, headers, status, reason) => {
    const response = await post(body as string | Buffer, { ...headers, 'accept-language': 'sv' });
    expect(response.status).toBe(status);
    const payload: any = await response.json();
    expect(payload.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', reason, i18nKey: `errors:http.${reason}` });
    expect(payload.errors[0].message).toMatch(/^(Begär|Skicka)/);
  });

  it('refuses 1 001 ids (too many users) and 100 000 (a body over 1 MiB) before touching the database', async () => {
    const ids = (size: number) => Array.from({ length: size }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`);
    const statements = await server().statements.during(async () => {
      const response = await server().gql(DISCONNECT, { input: { userIds: ids(1001) } });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BATCH_TOO_LARGE' });
      const huge = await server().gql(DISCONNECT, { input: { userIds: ids(100_000) } });
      expect(huge.status).toBe(413);
      expect(huge.errors?.[0].extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'REQUEST_TOO_LARGE' });
    });
    expect(statements.filter((sql) => !/api_token/.test(sql))).toEqual([]);
  });

  it('treats SQL metacharacters and Unicode in names and searches as plain text', async () => {
    const names = ["Robert'); DROP TABLE team_user;--", 'Zoë "Z" Ø\'Brien', '李小龙', 'نور', '%_\\'];
    const response = await server().gql(INVITE, { input: { users: names.map((name, i) => ({ name, email: `odd.${i}@acme.example` })) } });
    expect(response.data.inviteUsers.invitedCount).toBe(names.length);
    for (const name of names) {
      const found = await server().gql(TEAM_ACCESS, { search: name });
      expect(found.data.teamAccess.edges.map((edge) => edge.node.name)).toEqual([name]);
    }
    expect(await countRows(server(), 'team_user')).toBeGreaterThan(names.length);
  });

  it('refuses over-long names, e-mails, ids, searches and idempotency keys with stable codes', async () => {
    const invite = await server().gql(INVITE, {
      input: {
        users: [
          { name: 'n'.repeat(201), email: 'ok.long@acme.example' },
          { name: 'Ok', email: `${'e'.repeat(250)}@acme.example` },
        ],
      },
    });
    expect(invite.data.inviteUsers.results.map((r: any) => r.code)).toEqual(['INVALID_NAME', 'INVALID_EMAIL']);
    const longId = await server().gql(CONNECT, { input: { assignments: [{ userIds: ['x'.repeat(129)] }] } });
    const longKey = await server().gql(CONNECT, { input: { idempotencyKey: 'k'.repeat(129), assignments: [{ userIds: ['a'] }] } });
    const longSearch = await server().gql(TEAM_ACCESS, { search: 's'.repeat(201) });
    for (const response of [longId, longKey, longSearch]) {
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', i18nKey: 'errors:request.INVALID_INPUT' });
      expect(response.errors?.[0].extensions.invalidFields.length).toBeGreaterThan(0);
    }
  });

  it('handles duplicate ids in one call once: the first occurrence is granted, the others are DUPLICATE', async () => {
    const [user] = await notConnectedUsers(server());
    const response = await server().gql(CONNECT, { input: { assignments: [{ userIds: [user.id, user.id, user.id] }] } });
    expect(response.data.connectMarketoUsers).toMatchObject({ connectedCount: 1, unchangedCount: 0, errorCount: 2 });
    expect(response.data.connectMarketoUsers.results.map((result: any) => result.code ?? result.__typename)).toEqual([
      'MarketoAccessGranted',
      'DUPLICATE',
      'DUPLICATE',
    ]);
  });
});
