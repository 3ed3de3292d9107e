import { createDataSource } from '../src/db/data-source';
import { migrations } from '../src/db/migrations';
import { ExactKeysAndNameKeys1764300000000 } from '../src/db/migrations/1764300000000-exact-keys-and-name-keys';
import { databaseTargets } from './support/databases';
import { describeEachDatabase } from './support/each-database';
import { countRows, notConnectedUsers, organizationId, tableCounts } from './support/fixtures';
import { globalId, localId } from './support/ids';
import { CONNECT, CONNECT_MARKETO, DISCONNECT, INVITE, MARKETO_CONNECTION, TEAM_ACCESS, VIEWER, WORKSPACES, type InviteResult } from './support/operations';
import { expectRequestError, invited, kinds, ok, ofKind } from './support/responses';
import { DEMO_TOKENS, type TestServer } from './support/test-server';

const GLOBEX = DEMO_TOKENS.globexAdmin;
const SV = { 'accept-language': 'sv' };
const FR = { 'accept-language': 'fr' };

let serial = 0;
/** A fresh e-mail address at acme.example. */
const freshEmail = (label: string) => `${label}.${(serial += 1)}@acme.example`;

const invite = (server: TestServer, users: { name: string; email: string; role?: string }[], idempotencyKey?: string, headers = {}) =>
  server.gql(INVITE, { input: { users, idempotencyKey } }, { headers });

const inviteError = (result: InviteResult) => ofKind(result, 'InviteUserError');

describeEachDatabase('canonical input and one collation story on both databases', (server) => {
  afterEach(async () => {
    // The server is healthy after every refusal: /health answers and so does a normal query.
    expect((await fetch(`${server().url}/health`)).status).toBe(200);
    expect(ok(await server().gql(VIEWER)).viewer.organization.name).toBe('Acme');
  });

  describe('idempotency keys are compared exactly (binary), as on SQLite', () => {
    it.each([
      ['case', 'Retry-Key-A', 'retry-key-a'],
      ['accents', 'clé-café', 'cle-cafe'],
      ['a trailing space', 'key-with-space', 'key-with-space '],
      ['emoji', 'key-😀', 'key-😁'],
      ['NFC and NFD', 'key-\u00e9', 'key-e\u0301'],
    ])('keys that differ by %s are two keys: two calls, two users, each replayable', async (_what, first, second) => {
      const users = [{ name: 'Key One', email: freshEmail('key.one') }];
      const others = [{ name: 'Key Two', email: freshEmail('key.two') }];
      const before = await countRows(server(), 'team_user');
      expect(ok(await invite(server(), users, first)).inviteUsers).toMatchObject({ invitedCount: 1, replayed: false });
      expect(ok(await invite(server(), others, second)).inviteUsers).toMatchObject({ invitedCount: 1, replayed: false });
      expect(ok(await invite(server(), users, first)).inviteUsers).toMatchObject({ invitedCount: 1, replayed: true });
      expect(ok(await invite(server(), others, second)).inviteUsers).toMatchObject({ invitedCount: 1, replayed: true });
      expect(await countRows(server(), 'team_user')).toBe(before + 2);
      expect(await countRows(server(), 'idempotency_record', 'idempotency_key IN (?, ?)', [first, second])).toBe(2);
    });
  });

  describe('names, e-mails: NFC, domain lower-cased, control and bidi characters and invisible names refused', () => {
    it('stores names and e-mails composed (NFC): the same e-mail in two Unicode forms is one user', async () => {
      const composed = `jos\u00e9.${(serial += 1)}@acme.example`;
      const decomposed = composed.normalize('NFD');
      expect(decomposed).not.toBe(composed);
      const before = await tableCounts(server());
      const payload = ok(
        await invite(server(), [
          { name: 'Jose\u0301 Decomposed', email: decomposed },
          { name: 'José Composed', email: composed },
          { name: 'José Upper', email: composed.toUpperCase() },
        ]),
      ).inviteUsers;
      expect(kinds(payload.results)).toEqual(['UserInvited', 'EMAIL_ALREADY_INVITED', 'EMAIL_ALREADY_INVITED']);
      expect(invited(payload.results[0])).toMatchObject({ name: 'Jos\u00e9 Decomposed', email: composed });
      // And in a later call too.
      const later = ok(await invite(server(), [{ name: 'José Again', email: decomposed }], undefined, SV)).inviteUsers;
      expect(kinds(later.results)).toEqual(['EMAIL_ALREADY_INVITED']);
      expect(inviteError(later.results[0]).message).toBe(`${decomposed} är redan inbjuden.`);
      const after = await tableCounts(server());
      expect(after.team_user).toBe(before.team_user + 1);
      const rows = await server().dataSource.query('SELECT name, email FROM team_user WHERE email = ?', [composed]);
      expect(rows).toEqual([{ name: 'Jos\u00e9 Decomposed', email: composed }]);
    });

    it('finds a user stored before e-mails were canonical (decomposed) under the composed form', async () => {
      const composed = `ren\u00e9e.legacy.${(serial += 1)}@acme.example`;
      await server().dataSource.query(
        "INSERT INTO team_user (id, organization_id, name, email, search_text, role, invited_at) VALUES (?, ?, 'Renée Legacy', ?, 'renee legacy', 'MEMBER', '2026-03-02 09:00:00.000')",
        [`00000000-0000-7000-8000-${String(serial).padStart(12, '0')}`, await organizationId(server(), 'Acme'), composed.normalize('NFD')],
      );
      const before = await tableCounts(server());
      const payload = ok(await invite(server(), [{ name: 'Renée Again', email: composed }])).inviteUsers;
      expect(kinds(payload.results)).toEqual(['EMAIL_ALREADY_INVITED']);
      expect(await tableCounts(server())).toEqual(before);
    });

    it('lower-cases the domain (and the local part, as before) and keeps accented names such as Chloé and Léa', async () => {
      const local = `Chloe.Lea.${(serial += 1)}`;
      const payload = ok(
        await invite(server(), [
          { name: 'Chloé Dubois', email: `${local}@ACME.Example` },
          { name: 'Le\u0301a Martin', email: `léa.${serial}@acme.example` },
        ]),
      ).inviteUsers;
      expect(payload.results.map((result) => invited(result))).toMatchObject([
        { name: 'Chloé Dubois', email: `${local.toLowerCase()}@acme.example` },
        { name: 'Léa Martin', email: `léa.${serial}@acme.example` },
      ]);
    });

    it.each([
      ['NUL', 'Ann\u0000Lee', 'FORBIDDEN_CHARACTER'],
      ['a tab inside', 'Ann\tLee', 'FORBIDDEN_CHARACTER'],
      ['a line break inside', 'Ann\nLee', 'FORBIDDEN_CHARACTER'],
      ['DEL', 'Ann\u007fLee', 'FORBIDDEN_CHARACTER'],
      ['a C1 control', 'Ann\u0085Lee', 'FORBIDDEN_CHARACTER'],
      ['a right-to-left override', 'Ann \u202Egnp.exe', 'FORBIDDEN_CHARACTER'],
      ['a left-to-right embedding', '\u202AAnn', 'FORBIDDEN_CHARACTER'],
      ['a first-strong isolate', 'Ann\u2068Lee\u2069', 'FORBIDDEN_CHARACTER'],
      ['a line separator', 'Ann\u2028Lee', 'FORBIDDEN_CHARACTER'],
      ['zero-width spaces only', '\u200B\u200B\u200B', 'NO_VISIBLE_CHARACTER'],
      ['combining marks only', '\u0301\u0308\u0301', 'NO_VISIBLE_CHARACTER'],
      ['a word joiner between spaces', ' \u2060 \uFEFF ', 'NO_VISIBLE_CHARACTER'],
      ['Hangul fillers', '\u3164\u3164', 'NO_VISIBLE_CHARACTER'],
      ['a braille blank and a no-break space', '\u2800\u00A0', 'NO_VISIBLE_CHARACTER'],
    ])('refuses a name with %s: INVALID_NAME, its reason, a localized message, nothing written', async (_what, name, reason) => {
      const before = await tableCounts(server());
      const email = freshEmail('bad.name');
      const response = await invite(server(), [{ name, email }], `bad-name-${serial}`, SV);
      expect(response.status).toBe(200);
      const payload = ok(response).inviteUsers;
      expect(payload).toMatchObject({ invitedCount: 0, errorCount: 1 });
      expect(inviteError(payload.results[0])).toMatchObject({
        code: 'INVALID_NAME',
        email,
        i18nKey: `errors:team.INVALID_NAME_${reason}`,
        i18nParams: { reason },
      });
      expect(inviteError(payload.results[0]).message).toBe(
        reason === 'FORBIDDEN_CHARACTER'
          ? 'Namnet innehåller ett styrtecken eller ett tecken för textriktning. Ta bort det och försök igen.'
          : 'Namnet har inget synligt tecken. Ange ett namn på 1 till 200 tecken.',
      );
      const after = await tableCounts(server());
      expect({ ...after, idempotency_record: before.idempotency_record }).toEqual(before);
    });

    it.each([
      ['NUL', (local: string) => `${local}\u0000x@acme.example`],
      ['a right-to-left override', (local: string) => `${local}\u202E@acme.example`],
      ['a pop-directional isolate', (local: string) => `${local}@acme\u2069.example`],
    ])('refuses an e-mail with %s: INVALID_EMAIL, its reason, a localized message, nothing written', async (_what, spell) => {
      const before = await tableCounts(server());
      const email = spell(`bad.email.${(serial += 1)}`);
      const payload = ok(await invite(server(), [{ name: 'Bad Email', email }], undefined, FR)).inviteUsers;
      expect(inviteError(payload.results[0])).toMatchObject({
        code: 'INVALID_EMAIL',
        email,
        i18nKey: 'errors:team.INVALID_EMAIL_FORBIDDEN_CHARACTER',
        message: 'L’adresse e-mail contient un caractère de contrôle ou de sens d’écriture.',
      });
      expect(await tableCounts(server())).toEqual(before);
    });

    it('refuses the bad invitees of a call one by one and invites the others', async () => {
      const good = freshEmail('good.one');
      const payload = ok(
        await invite(server(), [
          { name: '\u200B', email: freshEmail('zw') },
          { name: 'Good One', email: good },
          { name: 'Evil', email: `evil\u202E${serial}@acme.example` },
        ]),
      ).inviteUsers;
      expect(kinds(payload.results)).toEqual(['INVALID_NAME', 'UserInvited', 'INVALID_EMAIL']);
      expect(await countRows(server(), 'team_user', 'email = ?', [good])).toBe(1);
    });
  });

  describe('idempotency compares the canonical input: equivalent retries replay', () => {
    it('inviteUsers: the same invitees in another Unicode form, e-mail case or with the default role spelled out', async () => {
      const email = `rene.${(serial += 1)}@acme.example`;
      const key = `canonical-invite-${serial}`;
      const first = ok(await invite(server(), [{ name: 'Rene\u0301 Roy', email }], key)).inviteUsers;
      expect(first).toMatchObject({ invitedCount: 1, replayed: false });
      const before = await tableCounts(server());
      for (const retry of [
        { name: 'René Roy', email },
        { name: '  René Roy ', email: email.toUpperCase(), role: 'MEMBER' },
        { name: 'Rene\u0301 Roy', email: email.normalize('NFD'), role: null },
      ]) {
        const replay = ok(await server().gql(INVITE, { input: { users: [retry], idempotencyKey: key } })).inviteUsers;
        expect(replay).toMatchObject({ invitedCount: 1, replayed: true });
        expect(invited(replay.results[0]).id).toBe(invited(first.results[0]).id);
      }
      expect(await tableCounts(server())).toEqual(before);
      // Another input under the key is still refused.
      const reused = await invite(server(), [{ name: 'René Roy', email, role: 'ADMIN' }], key, SV);
      expect(expectRequestError(reused, 'IDEMPOTENCY_KEY_REUSED').message).toBe('Den här idempotensnyckeln har redan använts för en annan begäran.');
    });

    it('connectMarketoUsers: workspaceIds omitted, null or [] replay; workspace order and global id or raw UUID do not matter', async () => {
      const users = await notConnectedUsers(server());
      const [a, b] = [users[0].id, users[1].id];
      const defaultKey = `canonical-default-${(serial += 1)}`;
      const first = ok(await server().gql(CONNECT, { input: { idempotencyKey: defaultKey, assignments: [{ userIds: [a] }] } })).connectMarketoUsers;
      expect(first).toMatchObject({ connectedCount: 1, replayed: false });
      const before = await tableCounts(server());
      for (const assignment of [{ userIds: [a], workspaceIds: null }, { userIds: [a], workspaceIds: [] }, { userIds: [localId(a)] }]) {
        const replay = ok(await server().gql(CONNECT, { input: { idempotencyKey: defaultKey, assignments: [assignment] } })).connectMarketoUsers;
        expect(replay).toMatchObject({ connectedCount: 1, replayed: true });
        // Answered with the ids as this call spelled them.
        expect(replay.results[0].userId).toBe(assignment.userIds[0]);
      }
      const workspaces = ok(await server().gql(WORKSPACES)).marketoWorkspaces.filter((workspace) => !workspace.isDefault);
      const [x, y] = [workspaces[0].id, workspaces[1].id];
      const setKey = `canonical-set-${serial}`;
      const granted = ok(await server().gql(CONNECT, { input: { idempotencyKey: setKey, assignments: [{ userIds: [b], workspaceIds: [x, y] }] } }));
      expect(granted.connectMarketoUsers).toMatchObject({ connectedCount: 1, replayed: false });
      for (const workspaceIds of [
        [y, x],
        [localId(y), x, y],
      ]) {
        const replay = ok(await server().gql(CONNECT, { input: { idempotencyKey: setKey, assignments: [{ userIds: [b], workspaceIds }] } }));
        expect(replay.connectMarketoUsers).toMatchObject({ connectedCount: 1, replayed: true });
      }
      expect((await tableCounts(server())).marketo_access_grant).toBe(before.marketo_access_grant + 1);
      // User order is meaning (results follow it): another order under the key is another input.
      const reordered = await server().gql(CONNECT, { input: { idempotencyKey: defaultKey, assignments: [{ userIds: [b, a] }] } }, { headers: FR });
      expect(expectRequestError(reordered, 'IDEMPOTENCY_KEY_REUSED').message).toBe('Cette clé d’idempotence a déjà été utilisée pour une autre requête.');
      // disconnect: a global id and the raw UUID of one user are one input.
      const disconnectKey = `canonical-disconnect-${serial}`;
      expect(ok(await server().gql(DISCONNECT, { input: { idempotencyKey: disconnectKey, userIds: [a] } })).disconnectMarketoUsers.replayed).toBe(false);
      const again = ok(await server().gql(DISCONNECT, { input: { idempotencyKey: disconnectKey, userIds: [localId(a)] } })).disconnectMarketoUsers;
      expect(again).toMatchObject({ disconnectedCount: 1, replayed: true });
      expect(again.results[0].userId).toBe(localId(a));
      expect(globalId('TeamUser', localId(a))).toBe(a);
    });
  });

  describe('teamAccess(search:): control characters refused, LIKE wildcards matched literally', () => {
    it.each([
      ['NUL', '\u0000'],
      ['NUL after letters', 'ann\u0000'],
      ['a tab', 'a\tb'],
      ['DEL', '\u007f'],
    ])('refuses a search with %s: BAD_USER_INPUT, localized, instead of matching everyone', async (_what, search) => {
      const response = await server().gql(TEAM_ACCESS, { search }, { headers: FR });
      const error = expectRequestError(response, 'BAD_USER_INPUT', {
        reason: 'SEARCH_FORBIDDEN_CHARACTER',
        i18nKey: 'errors:access.SEARCH_FORBIDDEN_CHARACTER',
      });
      expect(error.message).toBe('La recherche contient un caractère de contrôle. Recherchez des lettres, des chiffres ou de la ponctuation.');
    });

    it('matches %, _ and the escape character ! as themselves', async () => {
      const names = [`Percent 100% Sure ${(serial += 1)}`, `Under_score ${serial}`, `Bang!Name ${serial}`, `Plain Underscore ${serial}`];
      ok(
        await invite(
          server(),
          names.map((name, i) => ({ name, email: `wild.${serial}.${i}@acme.example` })),
        ),
      );
      const found = async (search: string) =>
        (ok(await server().gql(TEAM_ACCESS, { search, first: 100 })).teamAccess.edges as { node: { name: string } }[]).map((edge) => edge.node.name);
      expect(await found('%')).toEqual([names[0]]);
      expect(await found('0% s')).toEqual([names[0]]);
      expect(await found('_')).toEqual([names[1]]);
      expect(await found('r_s')).toEqual([names[1]]);
      expect(await found('!')).toEqual([names[2]]);
      expect(await found('g!n')).toEqual([names[2]]);
      expect(await found('underscore')).toEqual([names[3]]);
    });
  });

  describe('workspace names: unique ignoring case and accents, refused as a typed, localized error', () => {
    const connectGlobex = (workspaceNames: string[], headers = SV) =>
      server().gql(CONNECT_MARKETO, { input: { workspacesEnabled: true, workspaceNames } }, { token: GLOBEX, headers });

    const expectNothingWritten = async (before: Awaited<ReturnType<typeof tableCounts>>) => {
      expect(await tableCounts(server())).toEqual(before);
      expect(ok(await server().gql(MARKETO_CONNECTION, {}, { token: GLOBEX })).marketoConnection.connected).toBe(false);
    };

    it.each([
      [['EMEA', 'emea'], 'emea', 'EMEA'],
      [['Éméa', 'EMEA'], 'EMEA', 'Éméa'],
      [['ＥＭＥＡ', 'emea'], 'emea', 'ＥＭＥＡ'],
      [['Straße', 'STRASSE'], 'STRASSE', 'Straße'],
      [['Nordics', 'Nordics'], 'Nordics', 'Nordics'],
      [[' Nordics', 'Nordics  '], 'Nordics', 'Nordics'],
      [['North  America', 'north america'], 'north america', 'North  America'],
      [['Zero\u200BWidth', 'zerowidth'], 'zerowidth', 'Zero\u200BWidth'],
      [['default'], 'default', 'Default'],
      [['DÉFAULT'], 'DÉFAULT', 'Default'],
    ])('refuses %j: DUPLICATE_WORKSPACE_NAME, not a 500 after retries, nothing written', async (names, name, other) => {
      const before = await tableCounts(server());
      const response = await connectGlobex(names);
      expect(response.status).toBe(200);
      const error = expectRequestError(response, 'BAD_USER_INPUT', {
        reason: 'DUPLICATE_WORKSPACE_NAME',
        i18nKey: 'errors:organization.DUPLICATE_WORKSPACE_NAME',
      });
      expect(error.message).toBe(
        `Arbetsytenamnen ”${name}” och ”${other}” är samma namn (skiftläge och accenter räknas inte). Ge varje arbetsyta ett eget namn.`,
      );
      await expectNothingWritten(before);
    });

    it.each([
      [['Ok', 'Bad\u0000Name'], 'WORKSPACE_NAME_FORBIDDEN_CHARACTER', 2],
      [['\u202Etxt.exe'], 'WORKSPACE_NAME_FORBIDDEN_CHARACTER', 1],
      [['A\u2066B'], 'WORKSPACE_NAME_FORBIDDEN_CHARACTER', 1],
      [['Ok', 'Also ok', '\u200B\u200C'], 'WORKSPACE_NAME_NOT_VISIBLE', 3],
      [['\u0301'], 'WORKSPACE_NAME_NOT_VISIBLE', 1],
      [['   '], 'WORKSPACE_NAME_NOT_VISIBLE', 1],
      [[''], 'WORKSPACE_NAME_NOT_VISIBLE', 1],
    ])('refuses %j: %s (item %d), localized, nothing written', async (names, reason, position) => {
      const before = await tableCounts(server());
      const response = await connectGlobex(names, FR);
      const error = expectRequestError(response, 'BAD_USER_INPUT', { reason, i18nKey: `errors:organization.${reason}` });
      expect(error.message).toContain(`n°\u00a0${position} `);
      // The name itself is not echoed: it holds what a message must not show.
      for (const hidden of ['\u0000', '\u202E', '\u2066', '\u200B']) expect(error.message).not.toContain(hidden);
      await expectNothingWritten(before);
    });

    it('then creates the names once, canonical (NFC), "Default" listed or not, and the database refuses another spelling', async () => {
      const connection = ok(await connectGlobex(['EMEA', 'Default', 'Nordic\u0301s ', 'Benelux'])).connectMarketo;
      expect(connection).toMatchObject({ connected: true, workspacesEnabled: true });
      const listed = ok(await server().gql(WORKSPACES, {}, { token: GLOBEX })).marketoWorkspaces;
      expect(listed.map((workspace) => [workspace.name, workspace.isDefault])).toEqual([
        ['Default', true],
        ['Benelux', false],
        ['EMEA', false],
        ['Nordi\u0107s', false],
      ]);
      const rows = await server().dataSource.query(
        'SELECT name, name_key FROM marketo_workspace WHERE organization_id = (SELECT organization_id FROM team_user WHERE email = ?) ORDER BY name_key',
        ['jordan.blake@globex.example'],
      );
      expect(rows.map((row: { name: string; name_key: string }) => [row.name, row.name_key])).toEqual([
        ['Benelux', 'benelux'],
        ['Default', 'default'],
        ['EMEA', 'emea'],
        ['Nordi\u0107s', 'nordics'],
      ]);
      // The unique index holds the rule for any writer, with the key computed the same way on both databases.
      const organization = (await server().dataSource.query('SELECT organization_id AS id FROM team_user WHERE email = ?', ['jordan.blake@globex.example']))[0]
        .id;
      await expect(
        server().dataSource.query(
          "INSERT INTO marketo_workspace (id, organization_id, name, name_key, is_default, created_at) VALUES (?, ?, 'emea', 'emea', 0, '2026-03-02 09:00:00.000')",
          ['00000000-0000-7000-8000-00000000e3ea', organization],
        ),
      ).rejects.toThrow(/unique|duplicate/i);
    });
  });
});

describe.each(databaseTargets().map((target) => [target.name, target] as const))(
  'the migration to name keys and exact idempotency keys [%s]',
  (_name, target) => {
    it('gives existing workspaces their keys (earlier collisions kept, made unique) and makes idempotency keys exact', async () => {
      const database = await target.create();
      const dataSource = createDataSource(database.url, { entities: [], migrations });
      await dataSource.initialize();
      const runner = dataSource.createQueryRunner();
      try {
        for (const Migration of migrations.filter((migration) => migration !== ExactKeysAndNameKeys1764300000000)) await new Migration().up(runner);
        const at = '2026-03-02 09:00:00.000';
        await runner.query("INSERT INTO organization (id, name, marketo_workspaces_enabled, created_at) VALUES ('org-1', 'Old', 1, ?)", [at]);
        const addWorkspace = (id: string, name: string) =>
          runner.query("INSERT INTO marketo_workspace (id, organization_id, name, is_default, created_at) VALUES (?, 'org-1', ?, ?, ?)", [
            id,
            name,
            id === 'w1' ? 1 : 0,
            at,
          ]);
        await addWorkspace('w1', 'Default');
        await addWorkspace('w2', 'EMEA');
        // The old schema: two workspaces on SQLite, a unique-key violation on MariaDB.
        if (target.name === 'sqlite') await addWorkspace('w3', 'emea');
        else await expect(addWorkspace('w3', 'emea')).rejects.toThrow(/duplicate/i);
        await new ExactKeysAndNameKeys1764300000000().up(runner);
        const rows = await runner.query('SELECT id, name, name_key FROM marketo_workspace ORDER BY id');
        expect(rows).toEqual([
          { id: 'w1', name: 'Default', name_key: 'default' },
          { id: 'w2', name: 'EMEA', name_key: 'emea' },
          ...(target.name === 'sqlite' ? [{ id: 'w3', name: 'emea', name_key: 'emea#w3' }] : []),
        ]);
        const addKey = (key: string) =>
          runner.query(
            "INSERT INTO idempotency_record (organization_id, idempotency_key, operation, request_hash, response, created_at) VALUES ('org-1', ?, 'op', 'h', '{}', ?)",
            [key, at],
          );
        for (const key of ['Key', 'key', 'key ', 'kéy', 'key-😀', 'key-😁']) await addKey(key);
        expect(Number((await runner.query('SELECT COUNT(*) AS n FROM idempotency_record'))[0].n)).toBe(6);
        await expect(addKey('key ')).rejects.toThrow(/unique|duplicate/i);
      } finally {
        await runner.release();
        await dataSource.destroy();
        await database.drop();
      }
    });
  },
);
