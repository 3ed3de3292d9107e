import { describeEachDatabase } from './support/each-database';
import {
  allTeamUsers,
  auditEventsOf,
  countRows,
  ensureMarketoReady,
  grantsOf,
  idsOf,
  invitees,
  notConnectedUsers,
  tableCounts,
  workspacesByName,
} from './support/fixtures';
import { CONNECT, DISCONNECT, INVITE, type DataOf } from './support/operations';
import { expectRequestError, granted, invited } from './support/responses';
import { DEMO_TOKENS, type GraphQLResponse } from './support/test-server';

/**
 * The mechanics of the bulk mutations over GraphQL/HTTP, the reference suite for them: the batch
 * limits, a 1 000-user call with a bounded number of SQL statements, idempotent retries
 * (tenant-scoped), all-or-nothing writes under an injected fault, and concurrent identical calls.
 * (What a grant means, R2–R7 and R9, is access-grants.test.ts's.)
 */

const ACME = DEMO_TOKENS.acmeAdmin;
const GLOBEX = DEMO_TOKENS.globexAdmin;

const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;
const writesIn = (statements: string[]) => statements.filter((statement) => WRITE.test(statement));

/** The payload without `replayed`, to compare a replay with the first answer. */
function withoutReplayed<T extends { replayed: boolean }>(payload: T): Omit<T, 'replayed'> {
  const { replayed: _replayed, ...rest } = payload;
  return rest;
}

describeEachDatabase('bulk operations: batch limits, 1 000 users, idempotency, atomicity, concurrency', (server) => {
  describe('batch limits', () => {
    it('refuses more than 1 000 users across assignments, or none, for connect, disconnect and invite, writing nothing', async () => {
      const users = await allTeamUsers(server());
      const ids = Array.from({ length: 1001 }, (_, i) => users[i % users.length].id);
      const before = await tableCounts(server());
      const cases: [string, string, Record<string, unknown>, string][] = [
        [
          'connect 600+401',
          CONNECT,
          { input: { idempotencyKey: 'limit-1', assignments: [{ userIds: ids.slice(0, 600) }, { userIds: ids.slice(600) }] } },
          'BATCH_TOO_LARGE',
        ],
        ['connect 1001 in one', CONNECT, { input: { assignments: [{ userIds: ids }] } }, 'BATCH_TOO_LARGE'],
        ['connect empty userIds', CONNECT, { input: { idempotencyKey: 'limit-2', assignments: [{ userIds: [] }] } }, 'EMPTY_BATCH'],
        ['connect no assignments', CONNECT, { input: { assignments: [] } }, 'EMPTY_BATCH'],
        ['disconnect 1001', DISCONNECT, { input: { idempotencyKey: 'limit-3', userIds: ids } }, 'BATCH_TOO_LARGE'],
        ['disconnect empty', DISCONNECT, { input: { userIds: [] } }, 'EMPTY_BATCH'],
        ['invite 1001', INVITE, { input: { idempotencyKey: 'limit-4', users: invitees(1001, 'Over') } }, 'BATCH_TOO_LARGE'],
        ['invite empty', INVITE, { input: { users: [] } }, 'EMPTY_BATCH'],
      ];
      for (const [label, query, variables, reason] of cases) {
        let response!: GraphQLResponse;
        const statements = await server().statements.during(async () => {
          response = await server().gql(query, variables);
        });
        try {
          const error = expectRequestError(response, 'BAD_USER_INPUT', { reason, i18nKey: `errors:request.${reason}` });
          if (reason === 'BATCH_TOO_LARGE') {
            expect(error.message).toMatch(/\b1,000\b/);
            expect(error.message).toMatch(/\b1,001\b/);
          }
          expect(writesIn(statements)).toEqual([]);
        } catch (failure) {
          throw new Error(`${label}: ${(failure as Error).message}\nresponse: ${JSON.stringify(response)}`, { cause: failure });
        }
      }
      expect(await tableCounts(server())).toEqual(before);
    });
  });

  describe('1 000 users in one call', () => {
    it('invites 1 000 users in one call and connects all of them in one call, in a bounded number of SQL statements', async () => {
      const before = await tableCounts(server());
      let invitation!: GraphQLResponse<DataOf<typeof INVITE>>;
      const inviteStatements = await server().statements.during(async () => {
        invitation = await server().gql(INVITE, { input: { users: invitees(1000, 'Thousand') } });
      });
      expect(invitation.errors).toBeUndefined();
      expect(invitation.data.inviteUsers).toMatchObject({ invitedCount: 1000, errorCount: 0, replayed: false });
      const userIds = invitation.data.inviteUsers.results.map((result) => invited(result).id);
      expect(new Set(userIds).size).toBe(1000);
      expect(await countRows(server(), 'team_user')).toBe(before.team_user + 1000);

      let connected!: GraphQLResponse<DataOf<typeof CONNECT>>;
      const connectStatements = await server().statements.during(async () => {
        connected = await server().gql(CONNECT, { input: { assignments: [{ userIds }] } });
      });
      console.log(
        `[bulk-operations.test] 1000 users: inviteUsers sent ${inviteStatements.length} SQL statements (${writesIn(inviteStatements).length} writes), ` +
          `connectMarketoUsers sent ${connectStatements.length} (${writesIn(connectStatements).length} writes)`,
      );
      expect(connected.errors).toBeUndefined();
      const payload = connected.data.connectMarketoUsers;
      expect(payload).toMatchObject({ connectedCount: 1000, unchangedCount: 0, errorCount: 0, replayed: false });
      expect(payload.results).toHaveLength(1000);
      payload.results.forEach((result, i) => {
        expect(result.__typename).toBe('MarketoAccessGranted');
        expect(result.userId).toBe(userIds[i]);
        expect(granted(result).user?.id).toBe(userIds[i]);
      });
      expect(
        new Set(
          payload.results.map((result) =>
            granted(result)
              .workspaces.map((w) => w.name)
              .join('|'),
          ),
        ),
      ).toEqual(new Set(['Default']));

      expect(inviteStatements.length).toBeLessThan(40);
      expect(connectStatements.length).toBeLessThan(40);

      const thousand = "user_id IN (SELECT id FROM team_user WHERE email LIKE 'thousand.%')";
      expect(await countRows(server(), 'marketo_access_grant', thousand)).toBe(1000);
      expect(await countRows(server(), 'marketo_access_grant_workspace', `grant_id IN (SELECT id FROM marketo_access_grant WHERE ${thousand})`)).toBe(1000);
      expect(
        await countRows(server(), 'audit_event', "action = 'MARKETO_ACCESS_GRANTED' AND target_id IN (SELECT id FROM team_user WHERE email LIKE 'thousand.%')"),
      ).toBe(1000);
      expect(
        await countRows(server(), 'audit_event', "action = 'USER_INVITED' AND target_id IN (SELECT id FROM team_user WHERE email LIKE 'thousand.%')"),
      ).toBe(1000);
      expect(await allTeamUsers(server(), ACME, { search: 'thousand', status: 'NOT_CONNECTED' })).toHaveLength(0);
      expect(await allTeamUsers(server(), ACME, { search: 'thousand', status: 'CONNECTED' })).toHaveLength(1000);
    }, 180_000);
  });

  describe('idempotent retries', () => {
    it('connect: replays the first result without writing, refuses the key with another input, and is scoped to the tenant', async () => {
      const acmeUsers = await notConnectedUsers(server());
      const [a, b, c] = idsOf(acmeUsers, ['Ingrid Nilsson', 'Lucas Martin', 'Astrid Berg']);
      const workspaces = await workspacesByName(server());
      const input = {
        idempotencyKey: 'bulk-key-connect',
        assignments: [{ userIds: [a, b, 'no-such-user'] }, { userIds: [c], workspaceIds: [workspaces.EMEA] }],
      };

      const first = await server().gql(CONNECT, { input });
      expect(first.errors).toBeUndefined();
      expect(first.data.connectMarketoUsers).toMatchObject({ connectedCount: 3, unchangedCount: 0, errorCount: 1, replayed: false });
      expect(first.data.connectMarketoUsers.results.map((result) => result.__typename)).toEqual([
        'MarketoAccessGranted',
        'MarketoAccessGranted',
        'UserAccessError',
        'MarketoAccessGranted',
      ]);
      const afterFirst = await tableCounts(server());
      expect(await auditEventsOf(server(), 'MARKETO_ACCESS_GRANTED', [a, b, c])).toBe(3);

      // Later, the same call again: the stored answer, nothing written.
      server().clock.advance(60_000);
      let retry!: GraphQLResponse<DataOf<typeof CONNECT>>;
      const statements = await server().statements.during(async () => {
        retry = await server().gql(CONNECT, { input });
      });
      expect(retry.errors).toBeUndefined();
      expect(retry.data.connectMarketoUsers.replayed).toBe(true);
      expect(withoutReplayed(retry.data.connectMarketoUsers)).toEqual(withoutReplayed(first.data.connectMarketoUsers));
      expect(writesIn(statements)).toEqual([]);
      expect(await tableCounts(server())).toEqual(afterFirst);
      expect(await auditEventsOf(server(), 'MARKETO_ACCESS_GRANTED', [a, b, c])).toBe(3);

      // The same key with another input, or for another operation: refused, nothing written.
      const otherInput = { ...input, assignments: [{ userIds: [a] }] };
      expectRequestError(await server().gql(CONNECT, { input: otherInput }), 'IDEMPOTENCY_KEY_REUSED', { i18nKey: 'errors:request.IDEMPOTENCY_KEY_REUSED' });
      expectRequestError(await server().gql(DISCONNECT, { input: { idempotencyKey: input.idempotencyKey, userIds: [a] } }), 'IDEMPOTENCY_KEY_REUSED');
      expect(await tableCounts(server())).toEqual(afterFirst);
      expect(await grantsOf(server(), [a])).toBe(1);

      // Globex may use the same key for its own call: it runs, it does not replay Acme's answer.
      await ensureMarketoReady(server(), GLOBEX);
      const globexIds = idsOf(await notConnectedUsers(server(), GLOBEX), ['Frank Grimes', 'Rita LaFleur']);
      const globexInput = { idempotencyKey: input.idempotencyKey, assignments: [{ userIds: globexIds }] };
      const globexFirst = await server().gql(CONNECT, { input: globexInput }, { token: GLOBEX });
      expect(globexFirst.errors).toBeUndefined();
      expect(globexFirst.data.connectMarketoUsers).toMatchObject({ connectedCount: 2, errorCount: 0, replayed: false });
      expect(globexFirst.data.connectMarketoUsers.results.map((result) => result.userId)).toEqual(globexIds);
      expect(await grantsOf(server(), globexIds)).toBe(2);
      const globexRetry = await server().gql(CONNECT, { input: globexInput }, { token: GLOBEX });
      expect(globexRetry.data.connectMarketoUsers.replayed).toBe(true);
      expect(withoutReplayed(globexRetry.data.connectMarketoUsers)).toEqual(withoutReplayed(globexFirst.data.connectMarketoUsers));
      // And Acme's record is still Acme's.
      const acmeAgain = await server().gql(CONNECT, { input });
      expect(acmeAgain.data.connectMarketoUsers.replayed).toBe(true);
      expect(withoutReplayed(acmeAgain.data.connectMarketoUsers)).toEqual(withoutReplayed(first.data.connectMarketoUsers));
      expect(await countRows(server(), 'idempotency_record', 'idempotency_key = ?', [input.idempotencyKey])).toBe(2);
    });

    it('disconnect: replays the first result without writing, refuses the key with another input, and is scoped to the tenant', async () => {
      const acmeUsers = await allTeamUsers(server());
      const [olivia, lars, hugo] = idsOf(acmeUsers, ['Olivia Bennett', 'Lars Johansson', 'Hugo Petit']);
      expect(await grantsOf(server(), [olivia, lars])).toBe(2);
      expect(await grantsOf(server(), [hugo])).toBe(0);
      const input = { idempotencyKey: 'bulk-key-disconnect', userIds: [olivia, lars, hugo] };

      const first = await server().gql(DISCONNECT, { input });
      expect(first.errors).toBeUndefined();
      expect(first.data.disconnectMarketoUsers).toMatchObject({ disconnectedCount: 2, errorCount: 1, replayed: false });
      expect(first.data.disconnectMarketoUsers.results.map((result) => [result.__typename, result.userId, 'code' in result ? result.code : null])).toEqual([
        ['MarketoAccessRevoked', olivia, null],
        ['MarketoAccessRevoked', lars, null],
        ['UserAccessError', hugo, 'NOT_CONNECTED'],
      ]);
      expect(await grantsOf(server(), [olivia, lars])).toBe(0);
      expect(await auditEventsOf(server(), 'MARKETO_ACCESS_REVOKED', [olivia, lars, hugo])).toBe(2);
      const afterFirst = await tableCounts(server());

      let retry!: GraphQLResponse<DataOf<typeof DISCONNECT>>;
      const statements = await server().statements.during(async () => {
        retry = await server().gql(DISCONNECT, { input });
      });
      expect(retry.errors).toBeUndefined();
      expect(retry.data.disconnectMarketoUsers.replayed).toBe(true);
      expect(withoutReplayed(retry.data.disconnectMarketoUsers)).toEqual(withoutReplayed(first.data.disconnectMarketoUsers));
      expect(writesIn(statements)).toEqual([]);
      expect(await tableCounts(server())).toEqual(afterFirst);

      // Reconnect Olivia; a replay must still not touch her new grant.
      const reconnected = await server().gql(CONNECT, { input: { assignments: [{ userIds: [olivia] }] } });
      expect(reconnected.data.connectMarketoUsers.connectedCount).toBe(1);
      const afterReconnect = await tableCounts(server());
      const replayAfterReconnect = await server().gql(DISCONNECT, { input });
      expect(replayAfterReconnect.data.disconnectMarketoUsers.replayed).toBe(true);
      expect(await grantsOf(server(), [olivia])).toBe(1);
      expect(await tableCounts(server())).toEqual(afterReconnect);

      expectRequestError(await server().gql(DISCONNECT, { input: { ...input, userIds: [olivia] } }), 'IDEMPOTENCY_KEY_REUSED', {
        i18nKey: 'errors:request.IDEMPOTENCY_KEY_REUSED',
      });
      expect(await grantsOf(server(), [olivia])).toBe(1);
      expect(await tableCounts(server())).toEqual(afterReconnect);

      // Globex: the same key is a different record.
      await ensureMarketoReady(server(), GLOBEX);
      const [arthur] = idsOf(await notConnectedUsers(server(), GLOBEX), ['Arthur Crandall']);
      expect(
        (await server().gql(CONNECT, { input: { assignments: [{ userIds: [arthur] }] } }, { token: GLOBEX })).data.connectMarketoUsers.connectedCount,
      ).toBe(1);
      const globexInput = { idempotencyKey: input.idempotencyKey, userIds: [arthur] };
      const globexFirst = await server().gql(DISCONNECT, { input: globexInput }, { token: GLOBEX });
      expect(globexFirst.errors).toBeUndefined();
      expect(globexFirst.data.disconnectMarketoUsers).toMatchObject({ disconnectedCount: 1, errorCount: 0, replayed: false });
      expect(await grantsOf(server(), [arthur])).toBe(0);
      const globexRetry = await server().gql(DISCONNECT, { input: globexInput }, { token: GLOBEX });
      expect(globexRetry.data.disconnectMarketoUsers.replayed).toBe(true);
      expect(withoutReplayed(globexRetry.data.disconnectMarketoUsers)).toEqual(withoutReplayed(globexFirst.data.disconnectMarketoUsers));
      expect(await countRows(server(), 'idempotency_record', 'idempotency_key = ?', [input.idempotencyKey])).toBe(2);
    });
  });

  describe('atomicity', () => {
    it('writes nothing when the audit insert fails inside the transaction, and a retry with the same key then succeeds', async () => {
      const [sophie, noah] = idsOf(await notConnectedUsers(server()), ['Sophie Laurent', 'Noah Thompson']);
      const input = { idempotencyKey: 'bulk-atomic-1', assignments: [{ userIds: [sophie, noah] }] };
      const before = await tableCounts(server());

      let failed!: GraphQLResponse<DataOf<typeof CONNECT>>;
      await server().dataSource.query('ALTER TABLE audit_event RENAME TO audit_event_off');
      try {
        failed = await server().gql(CONNECT, { input });
      } finally {
        await server().dataSource.query('ALTER TABLE audit_event_off RENAME TO audit_event');
      }
      expectRequestError(failed, 'INTERNAL_SERVER_ERROR', { i18nKey: 'errors:request.INTERNAL_SERVER_ERROR' });
      expect(await grantsOf(server(), [sophie, noah])).toBe(0);
      expect(await countRows(server(), 'idempotency_record', 'idempotency_key = ?', [input.idempotencyKey])).toBe(0);
      expect(await tableCounts(server())).toEqual(before);
      const stillNotConnected = (await notConnectedUsers(server())).map((user) => user.id);
      expect(stillNotConnected).toEqual(expect.arrayContaining([sophie, noah]));

      const retry = await server().gql(CONNECT, { input });
      expect(retry.errors).toBeUndefined();
      expect(retry.data.connectMarketoUsers).toMatchObject({ connectedCount: 2, errorCount: 0, replayed: false });
      expect(await grantsOf(server(), [sophie, noah])).toBe(2);
      expect(await auditEventsOf(server(), 'MARKETO_ACCESS_GRANTED', [sophie, noah])).toBe(2);
      expect(await countRows(server(), 'idempotency_record', 'idempotency_key = ?', [input.idempotencyKey])).toBe(1);

      const again = await server().gql(CONNECT, { input });
      expect(again.data.connectMarketoUsers.replayed).toBe(true);
      expect(withoutReplayed(again.data.connectMarketoUsers)).toEqual(withoutReplayed(retry.data.connectMarketoUsers));
    });
  });

  describe('concurrent calls', () => {
    it('ends concurrent identical calls with exactly one grant per user', async () => {
      const userIds = (await notConnectedUsers(server())).slice(0, 5).map((user) => user.id);
      const responses = await Promise.all(Array.from({ length: 10 }, () => server().gql(CONNECT, { input: { assignments: [{ userIds }] } })));
      for (const response of responses) expect(response.errors).toBeUndefined();
      const granted = responses.reduce((sum, response) => sum + response.data.connectMarketoUsers.connectedCount, 0);
      expect(granted).toBe(5);
      expect(await grantsOf(server(), userIds)).toBe(5);
      expect(await auditEventsOf(server(), 'MARKETO_ACCESS_GRANTED', userIds)).toBe(5);
    });
  });
});
