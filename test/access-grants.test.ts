import { createI18n } from '../src/modules/localization/i18n';
import { describeEachDatabase } from './support/each-database';
import {
  allTeamUsers,
  countRows,
  ensureMarketoReady,
  grantsOf,
  idsOf,
  notConnectedUsers,
  organizationId,
  tableCounts,
  workspacesByName,
} from './support/fixtures';
import {
  AUDIT_EVENTS,
  CONNECT,
  CONNECT_MARKETO,
  DISCONNECT,
  INVITE,
  MARKETO_CONNECTION,
  VIEWER,
  type ConnectPayload,
  type ConnectResult,
  type DisconnectPayload,
  type DisconnectResult,
  type Feature,
  type TeamUser,
  type UserAccessError,
} from './support/operations';
import { globalId, localId } from './support/ids';
import { expectRequestError, granted, kinds, ofKind, ok } from './support/responses';
import { DEMO_TOKENS, type GraphQLResponse } from './support/test-server';

/**
 * Granting and removing access to the Marketo connection over HTTP, the reference suite of rules
 * R2–R7 and R9: connectMarketoUsers / disconnectMarketoUsers with bulk grants (R3), workspaces per
 * set of users (R4), the Default workspace (R5), fixed assignments (R6), unlocked features (R7),
 * per-item errors (R1's USER_NOT_FOUND among them) and the audit trail of grants; then the
 * ten-minute wait after connecting with Marketo (R2) and the admin-only mutations (R9).
 *
 * Two servers per database:
 * - "connecting users to Marketo": state carries over between the tests, so every test takes users
 *   nobody else used;
 * - "when access may be granted, and by whom": starts with Globex not connected with Marketo.
 */

const ACME = DEMO_TOKENS.acmeAdmin;
const MEMBER = DEMO_TOKENS.acmeMember;
const GLOBEX = DEMO_TOKENS.globexAdmin;
const TEN_MINUTES_MS = 10 * 60 * 1000;

const FEATURES: Feature[] = ['INTERESTING_MOMENTS_LIVE_FEED', 'MARKETING_CAMPAIGNS'];
const UNKNOWN_USER = '00000000-0000-7000-8000-00000000dead';
const UNKNOWN_WORKSPACE = '00000000-0000-7000-8000-00000000beef';
const MALFORMED_ID = 'not-a-valid-id';

const connectPayload = (response: GraphQLResponse<{ connectMarketoUsers: ConnectPayload }>): ConnectPayload => ok(response).connectMarketoUsers;
const disconnectPayload = (response: GraphQLResponse<{ disconnectMarketoUsers: DisconnectPayload }>): DisconnectPayload => ok(response).disconnectMarketoUsers;

/** The result as a per-item error. */
const itemError = (result: ConnectResult | DisconnectResult): UserAccessError => ofKind(result, 'UserAccessError');

const catalogs = createI18n();

/** Every error item: a stable code, a real English sentence (variables filled in), its catalog key and variables. */
function expectWellFormedErrors(results: (ConnectResult | DisconnectResult)[]): void {
  for (const result of results.filter((r): r is UserAccessError => r.__typename === 'UserAccessError')) {
    expect(typeof result.code).toBe('string');
    expect(result.i18nKey).toBe(`errors:access.${result.code}`);
    expect(typeof result.message).toBe('string');
    expect(result.message.trim().length).toBeGreaterThan(15);
    expect(result.message).not.toBe(result.code);
    expect(result.message).not.toBe(result.i18nKey);
    expect(result.message).not.toMatch(/\{\{|\}\}|errors:/);
    // English, not a key or another language
    expect(result.message).toMatch(/\b(the|is|no|not|has|with|your)\b/i);
    // a client renders the same message from the catalog key and variables, in any language
    expect(catalogs.getFixedT('en')(result.i18nKey, result.i18nParams)).toBe(result.message);
    expect(catalogs.getFixedT('sv')(result.i18nKey, result.i18nParams)).not.toBe(result.message);
  }
}

describeEachDatabase('connecting users to Marketo (R3-R7)', (server) => {
  /** Hands out Acme users that are not connected and that no other test has used (never the demo member). */
  let pool: TeamUser[] | undefined;
  const take = async (count: number): Promise<TeamUser[]> => {
    pool ??= (await notConnectedUsers(server())).filter((user) => user.email !== 'sam.rivera@acme.example');
    if (pool.length < count) throw new Error('user pool exhausted');
    return pool.splice(0, count);
  };
  const ids = (users: TeamUser[]) => users.map((user) => user.id);

  let adminCache: { id: string; name: string } | undefined;
  const acmeAdmin = async () => {
    adminCache ??= ok(await server().gql(VIEWER)).viewer.user;
    return adminCache;
  };

  /** Globex connects with Marketo (workspaces disabled) if it has not yet, and the ten minutes pass. */
  const ensureGlobexConnected = async () => {
    const connection = await ensureMarketoReady(server(), DEMO_TOKENS.globexAdmin);
    expect(connection).toMatchObject({ connected: true, ready: true, workspacesEnabled: false });
  };

  /** Globex's not-connected users other than its admin (whose features one test checks stay locked). */
  const globexMembers = async (): Promise<TeamUser[]> =>
    (await notConnectedUsers(server(), DEMO_TOKENS.globexAdmin)).filter((user) => user.email !== 'jordan.blake@globex.example');

  const connect = (assignments: { userIds: string[]; workspaceIds?: string[] | null }[], token?: string) =>
    server().gql(CONNECT, { input: { assignments } }, { token });
  const disconnect = (userIds: string[], token?: string) => server().gql(DISCONNECT, { input: { userIds } }, { token });

  /** Team Access rows by user id. */
  const teamAccess = async (token?: string): Promise<Record<string, TeamUser>> =>
    Object.fromEntries((await allTeamUsers(server(), token)).map((user) => [user.id, user]));

  /** The workspace ids of a user's grant, straight from the database; null when there is no grant. */
  const storedWorkspaceIds = async (userId: string): Promise<string[] | null> => {
    const grants = await server().dataSource.query('SELECT id FROM marketo_access_grant WHERE user_id = ?', [localId(userId)]);
    if (grants.length === 0) return null;
    expect(grants).toHaveLength(1);
    const rows = await server().dataSource.query('SELECT workspace_id FROM marketo_access_grant_workspace WHERE grant_id = ?', [grants[0].id]);
    return rows.map((row: { workspace_id: string }) => globalId('MarketoWorkspace', row.workspace_id)).sort();
  };

  const storedGrantId = async (userId: string): Promise<string | null> => {
    const grants = await server().dataSource.query('SELECT id FROM marketo_access_grant WHERE user_id = ?', [localId(userId)]);
    return grants[0]?.id ?? null;
  };

  const auditCount = () => countRows(server(), 'audit_event');

  const auditEvents = async (first: number, token?: string) => ok(await server().gql(AUDIT_EVENTS, { first }, { token })).auditEvents;

  const features = async (token: string): Promise<Feature[]> => ok(await server().gql(VIEWER, {}, { token })).viewer.unlockedFeatures;

  describe('bulk grants (R3)', () => {
    it('connects several users in one call: one result per user in input order, right counts, and Team Access shows them', async () => {
      const users = await take(4);
      // not in the order the pool (Team Access) lists them
      const input = ids(users).reverse();
      const admin = await acmeAdmin();
      server().clock.advance(1000);
      const grantedAt = server().clock.now().toISOString();
      const grantsBefore = await countRows(server(), 'marketo_access_grant');

      const payload = connectPayload(await connect([{ userIds: input }]));
      expect(payload).toMatchObject({ connectedCount: 4, unchangedCount: 0, errorCount: 0, replayed: false });
      expect(payload.results).toHaveLength(4);
      expect(payload.results.map((r) => r.__typename)).toEqual(Array(4).fill('MarketoAccessGranted'));
      expect(payload.results.map((r) => r.userId)).toEqual(input);
      for (const result of payload.results) {
        const grant = granted(result);
        expect(grant.user?.id).toBe(result.userId);
        expect(grant.grantedBy?.id).toBe(admin.id);
        expect(grant.grantedAt).toBe(grantedAt);
        expect(grant.id).toEqual(expect.any(String));
      }
      expect(new Set(payload.results.map((r) => granted(r).id)).size).toBe(4);
      expect(await countRows(server(), 'marketo_access_grant')).toBe(grantsBefore + 4);

      const rows = await teamAccess();
      for (const id of input) {
        const row = rows[id];
        expect(row.marketoAccess.status).toBe('CONNECTED');
        expect(row.marketoAccess.grantedAt).toBe(grantedAt);
        expect(row.marketoAccess.grantedBy).toEqual({ id: admin.id, name: admin.name });
      }
      // they left the NOT_CONNECTED filter and joined the CONNECTED one
      const stillNotConnected = new Set(ids(await notConnectedUsers(server())));
      for (const id of input) expect(stillNotConnected.has(id)).toBe(false);
      const connected = new Set(ids(await allTeamUsers(server(), undefined, { status: 'CONNECTED' })));
      for (const id of input) expect(connected.has(id)).toBe(true);
    });

    it('leaves the users of the call alone that were not named', async () => {
      const [named, bystander] = await take(2);
      connectPayload(await connect([{ userIds: [named.id] }]));
      expect(await storedWorkspaceIds(bystander.id)).toBeNull();
      expect((await teamAccess())[bystander.id].marketoAccess).toMatchObject({ status: 'NOT_CONNECTED', grantedAt: null, grantedBy: null, workspaces: [] });
    });
  });

  describe('the Default workspace (R5)', () => {
    it('assigns the Default workspace when no workspaceIds are given, when the list is empty, and when it is null', async () => {
      const [absent, empty, nul] = await take(3);
      const ws = await workspacesByName(server());
      const payload = connectPayload(
        await connect([{ userIds: [absent.id] }, { userIds: [empty.id], workspaceIds: [] }, { userIds: [nul.id], workspaceIds: null }]),
      );
      expect(payload).toMatchObject({ connectedCount: 3, errorCount: 0, unchangedCount: 0 });
      expect(payload.results.map((r) => r.userId)).toEqual([absent.id, empty.id, nul.id]);
      for (const result of payload.results) {
        expect(result.__typename).toBe('MarketoAccessGranted');
        expect(granted(result).workspaces).toEqual([{ id: ws.Default, name: 'Default', isDefault: true }]);
      }
      const rows = await teamAccess();
      for (const user of [absent, empty, nul]) {
        expect(await storedWorkspaceIds(user.id)).toEqual([ws.Default]);
        expect(rows[user.id].marketoAccess.workspaces).toEqual([{ id: ws.Default, name: 'Default', isDefault: true }]);
      }
    });
  });

  describe('workspaces per set of users (R4)', () => {
    it('gives each set of users exactly its own workspaces in one call', async () => {
      const users = await take(5);
      const ws = await workspacesByName(server());
      const first = ids(users.slice(0, 3));
      const second = ids(users.slice(3));
      const payload = connectPayload(
        await connect([
          { userIds: first, workspaceIds: [ws['North America'], ws.EMEA] },
          { userIds: second, workspaceIds: [ws.APAC, ws.Default] },
        ]),
      );
      expect(payload).toMatchObject({ connectedCount: 5, unchangedCount: 0, errorCount: 0 });
      expect(payload.results.map((r) => r.userId)).toEqual([...first, ...second]);
      // Default first, then by name
      expect(payload.results.map((r) => granted(r).workspaces.map((w) => w.name))).toEqual([
        ['EMEA', 'North America'],
        ['EMEA', 'North America'],
        ['EMEA', 'North America'],
        ['Default', 'APAC'],
        ['Default', 'APAC'],
      ]);

      const rows = await teamAccess();
      for (const id of first) {
        expect(await storedWorkspaceIds(id)).toEqual([ws['North America'], ws.EMEA].sort());
        expect(rows[id].marketoAccess.workspaces.map((w) => w.name)).toEqual(['EMEA', 'North America']);
      }
      for (const id of second) {
        expect(await storedWorkspaceIds(id)).toEqual([ws.APAC, ws.Default].sort());
        expect(rows[id].marketoAccess.workspaces.map((w) => w.name)).toEqual(['Default', 'APAC']);
      }
    });

    it('counts a workspace named twice in one assignment once', async () => {
      const [user] = await take(1);
      const ws = await workspacesByName(server());
      const payload = connectPayload(await connect([{ userIds: [user.id], workspaceIds: [ws.APAC, ws.APAC] }]));
      expect(kinds(payload.results)).toEqual(['MarketoAccessGranted']);
      expect(granted(payload.results[0]).workspaces.map((w) => w.name)).toEqual(['APAC']);
      expect(await storedWorkspaceIds(user.id)).toEqual([ws.APAC]);
    });
  });

  describe('per-item errors (the other items still succeed)', () => {
    it("reports USER_NOT_FOUND for an unknown id, a malformed id and another organization's user, and grants the valid ones", async () => {
      const [before, after] = await take(2);
      const globexUser = (await globexMembers())[0];
      const grantsBefore = await countRows(server(), 'marketo_access_grant');
      const auditBefore = await auditCount();

      const input = [before.id, UNKNOWN_USER, MALFORMED_ID, globexUser.id, after.id];
      const payload = connectPayload(await connect([{ userIds: input }]));
      expect(kinds(payload.results)).toEqual(['MarketoAccessGranted', 'USER_NOT_FOUND', 'USER_NOT_FOUND', 'USER_NOT_FOUND', 'MarketoAccessGranted']);
      expect(payload.results.map((r) => r.userId)).toEqual(input);
      expect(payload).toMatchObject({ connectedCount: 2, unchangedCount: 0, errorCount: 3 });
      expectWellFormedErrors(payload.results);
      expect(itemError(payload.results[1]).message).toContain(UNKNOWN_USER);
      expect(itemError(payload.results[2]).message).toContain(MALFORMED_ID);

      expect(await countRows(server(), 'marketo_access_grant')).toBe(grantsBefore + 2);
      expect(await auditCount()).toBe(auditBefore + 2);
      expect(await storedGrantId(globexUser.id)).toBeNull();
      const globexRow = (await teamAccess(DEMO_TOKENS.globexAdmin))[globexUser.id];
      expect(globexRow.marketoAccess.status).toBe('NOT_CONNECTED');
    });

    it("reports WORKSPACE_NOT_FOUND for an unknown workspace and for another organization's workspace, for every user of that assignment", async () => {
      await ensureGlobexConnected();
      const globexDefault = (await workspacesByName(server(), DEMO_TOKENS.globexAdmin)).Default;
      expect(globexDefault).toEqual(expect.any(String));
      const ws = await workspacesByName(server());
      expect(Object.values(ws)).not.toContain(globexDefault);
      const [unknownA, unknownB, foreign, fine] = await take(4);
      const grantsBefore = await countRows(server(), 'marketo_access_grant');
      const auditBefore = await auditCount();

      const payload = connectPayload(
        await connect([
          { userIds: [unknownA.id, unknownB.id], workspaceIds: [ws.EMEA, UNKNOWN_WORKSPACE] },
          { userIds: [foreign.id], workspaceIds: [globexDefault] },
          { userIds: [fine.id], workspaceIds: [ws.EMEA] },
        ]),
      );
      expect(kinds(payload.results)).toEqual(['WORKSPACE_NOT_FOUND', 'WORKSPACE_NOT_FOUND', 'WORKSPACE_NOT_FOUND', 'MarketoAccessGranted']);
      expect(payload.results.map((r) => r.userId)).toEqual([unknownA.id, unknownB.id, foreign.id, fine.id]);
      expect(payload).toMatchObject({ connectedCount: 1, unchangedCount: 0, errorCount: 3 });
      expectWellFormedErrors(payload.results);
      expect(itemError(payload.results[0]).message).toContain(UNKNOWN_WORKSPACE);
      expect(itemError(payload.results[2]).message).toContain(globexDefault);
      expect(granted(payload.results[3]).workspaces.map((w) => w.name)).toEqual(['EMEA']);

      expect(await countRows(server(), 'marketo_access_grant')).toBe(grantsBefore + 1);
      expect(await auditCount()).toBe(auditBefore + 1);
      for (const user of [unknownA, unknownB, foreign]) expect(await storedWorkspaceIds(user.id)).toBeNull();
      // nothing of Acme's was attached to Globex's workspace
      expect(
        await countRows(
          server(),
          'marketo_access_grant_workspace',
          'workspace_id = ? AND organization_id <> (SELECT organization_id FROM marketo_workspace WHERE id = ?)',
          [globexDefault, globexDefault],
        ),
      ).toBe(0);
    });

    it('reports WORKSPACES_NOT_ENABLED when an organization without workspaces names some, and gives the Default one without them', async () => {
      await ensureGlobexConnected();
      const globex = DEMO_TOKENS.globexAdmin;
      const globexWs = await workspacesByName(server(), globex);
      expect(Object.keys(globexWs)).toEqual(['Default']);
      const acmeEmea = (await workspacesByName(server())).EMEA;
      const [withOwn, withAcme, without, withEmpty] = (await globexMembers()).slice(0, 4);
      const grantsBefore = await countRows(server(), 'marketo_access_grant');

      const payload = connectPayload(
        await connect(
          [
            { userIds: [withOwn.id], workspaceIds: [globexWs.Default] },
            { userIds: [withAcme.id], workspaceIds: [acmeEmea] },
            { userIds: [without.id] },
            { userIds: [withEmpty.id], workspaceIds: [] },
          ],
          globex,
        ),
      );
      expect(kinds(payload.results)).toEqual(['WORKSPACES_NOT_ENABLED', 'WORKSPACES_NOT_ENABLED', 'MarketoAccessGranted', 'MarketoAccessGranted']);
      expect(payload.results.map((r) => r.userId)).toEqual([withOwn.id, withAcme.id, without.id, withEmpty.id]);
      expect(payload).toMatchObject({ connectedCount: 2, unchangedCount: 0, errorCount: 2 });
      expectWellFormedErrors(payload.results);
      for (const result of payload.results.slice(2)) {
        expect(granted(result).workspaces).toEqual([{ id: globexWs.Default, name: 'Default', isDefault: true }]);
      }
      expect(await countRows(server(), 'marketo_access_grant')).toBe(grantsBefore + 2);
      expect(await storedWorkspaceIds(withOwn.id)).toBeNull();
      expect(await storedWorkspaceIds(withAcme.id)).toBeNull();
      expect(await storedWorkspaceIds(without.id)).toEqual([globexWs.Default]);
      const rows = await teamAccess(globex);
      expect(rows[without.id].marketoAccess.status).toBe('CONNECTED');
      expect(rows[withOwn.id].marketoAccess.status).toBe('NOT_CONNECTED');
    });

    it('does not let Globex connect an Acme user', async () => {
      await ensureGlobexConnected();
      const [acmeUser] = await take(1);
      const globexUser = (await globexMembers())[0];
      const payload = connectPayload(await connect([{ userIds: [acmeUser.id, globexUser.id] }], DEMO_TOKENS.globexAdmin));
      expect(kinds(payload.results)).toEqual(['USER_NOT_FOUND', 'MarketoAccessGranted']);
      expectWellFormedErrors(payload.results);
      expect(await storedGrantId(acmeUser.id)).toBeNull();
    });
  });

  describe('connecting a connected user again (R6)', () => {
    it('answers MarketoAccessUnchanged for the same workspaces in any order, writing nothing', async () => {
      const [user] = await take(1);
      const ws = await workspacesByName(server());
      const first = connectPayload(await connect([{ userIds: [user.id], workspaceIds: [ws.EMEA, ws.APAC, ws['North America']] }]));
      const grant = granted(first.results[0]);
      const grantsBefore = await countRows(server(), 'marketo_access_grant');
      const linksBefore = await countRows(server(), 'marketo_access_grant_workspace');
      const auditBefore = await auditCount();
      server().clock.advance(60_000);

      const payload = connectPayload(await connect([{ userIds: [user.id], workspaceIds: [ws['North America'], ws.APAC, ws.EMEA] }]));
      expect(payload).toMatchObject({ connectedCount: 0, unchangedCount: 1, errorCount: 0 });
      expect(payload.results).toMatchObject([
        {
          __typename: 'MarketoAccessUnchanged',
          userId: user.id,
          grant: { id: grant.id, workspaces: grant.workspaces.map((w) => ({ id: w.id, name: w.name })) },
        },
      ]);
      expect(await countRows(server(), 'marketo_access_grant')).toBe(grantsBefore);
      expect(await countRows(server(), 'marketo_access_grant_workspace')).toBe(linksBefore);
      expect(await auditCount()).toBe(auditBefore);
      // still the first grant's time
      expect((await teamAccess())[user.id].marketoAccess.grantedAt).toBe(grant.grantedAt);
    });

    it('answers MarketoAccessUnchanged for a seeded user connected with the same workspaces', async () => {
      const ws = await workspacesByName(server());
      const ethan = (await allTeamUsers(server(), undefined, { search: 'Ethan Walker' }))[0];
      expect(ethan.marketoAccess.status).toBe('CONNECTED');
      const payload = connectPayload(await connect([{ userIds: [ethan.id], workspaceIds: [ws.APAC, ws['North America']] }]));
      expect(kinds(payload.results)).toEqual(['MarketoAccessUnchanged']);
      expect(ofKind(payload.results[0], 'MarketoAccessUnchanged').grant.workspaces.map((w) => w.name)).toEqual(['APAC', 'North America']);
    });

    it('answers ALREADY_CONNECTED for other workspaces and changes nothing in the database', async () => {
      const [user, other] = await take(2);
      const ws = await workspacesByName(server());
      connectPayload(await connect([{ userIds: [user.id], workspaceIds: [ws.EMEA] }]));
      const grantId = await storedGrantId(user.id);
      const rowBefore = (await teamAccess())[user.id];
      const grantsBefore = await countRows(server(), 'marketo_access_grant');
      const linksBefore = await countRows(server(), 'marketo_access_grant_workspace');
      const auditBefore = await auditCount();
      server().clock.advance(60_000);

      const attempts: (string[] | undefined)[] = [[ws.APAC], [ws.EMEA, ws.APAC], undefined, []];
      for (const [i, workspaceIds] of attempts.entries()) {
        const payload = connectPayload(await connect([{ userIds: [user.id], workspaceIds }, { userIds: [other.id] }]));
        expect(kinds(payload.results)).toEqual(['ALREADY_CONNECTED', i === 0 ? 'MarketoAccessGranted' : 'MarketoAccessUnchanged']);
        expect(payload).toMatchObject({ connectedCount: i === 0 ? 1 : 0, unchangedCount: i === 0 ? 0 : 1, errorCount: 1 });
        const error = itemError(payload.results[0]);
        expect(error.userId).toBe(user.id);
        expect(error.message).toContain(user.name);
        // R6: the message says how to change the workspaces
        expect(error.message).toContain('Disconnect');
        expect(error.i18nParams).toEqual({ name: user.name });
        expectWellFormedErrors(payload.results);
      }
      // the other user was granted once (Default), then unchanged
      expect(await storedWorkspaceIds(other.id)).toEqual([ws.Default]);

      expect(await storedGrantId(user.id)).toBe(grantId);
      expect(await storedWorkspaceIds(user.id)).toEqual([ws.EMEA]);
      expect(await countRows(server(), 'marketo_access_grant')).toBe(grantsBefore + 1);
      expect(await countRows(server(), 'marketo_access_grant_workspace')).toBe(linksBefore + 1);
      expect(await auditCount()).toBe(auditBefore + 1);
      expect((await teamAccess())[user.id]).toEqual(rowBefore);
    });

    it('answers ALREADY_CONNECTED for a seeded user connected with other workspaces', async () => {
      const lars = (await allTeamUsers(server(), undefined, { search: 'Lars Johansson' }))[0];
      const before = await storedWorkspaceIds(lars.id);
      const payload = connectPayload(await connect([{ userIds: [lars.id] }]));
      expect(kinds(payload.results)).toEqual(['ALREADY_CONNECTED']);
      expect(payload).toMatchObject({ connectedCount: 0, unchangedCount: 0, errorCount: 1 });
      expectWellFormedErrors(payload.results);
      expect(await storedWorkspaceIds(lars.id)).toEqual(before);
    });

    it('answers a user named more than once in one call at its first occurrence, and DUPLICATE at the others', async () => {
      const [same, different] = await take(2);
      const ws = await workspacesByName(server());
      const auditBefore = await auditCount();
      const payload = connectPayload(
        await connect([
          { userIds: [same.id, same.id, different.id], workspaceIds: [ws.EMEA, ws.APAC] },
          { userIds: [different.id], workspaceIds: [ws.APAC] },
          { userIds: [same.id], workspaceIds: [ws.APAC, ws.EMEA] },
        ]),
      );
      expect(kinds(payload.results)).toEqual(['MarketoAccessGranted', 'DUPLICATE', 'MarketoAccessGranted', 'DUPLICATE', 'DUPLICATE']);
      expect(payload.results.map((r) => r.userId)).toEqual([same.id, same.id, different.id, different.id, same.id]);
      expect(payload.results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
      expect(
        payload.results
          .slice(1)
          .filter((r) => r.__typename === 'UserAccessError')
          .map((r) => itemError(r).i18nParams.firstIndex),
      ).toEqual(['0', '2', '0']);
      expect(payload).toMatchObject({ connectedCount: 2, unchangedCount: 0, errorCount: 3 });
      expectWellFormedErrors(payload.results);
      expect(await countRows(server(), 'marketo_access_grant', 'user_id IN (?, ?)', [localId(same.id), localId(different.id)])).toBe(2);
      expect(await storedWorkspaceIds(same.id)).toEqual([ws.EMEA, ws.APAC].sort());
      expect(await storedWorkspaceIds(different.id)).toEqual([ws.EMEA, ws.APAC].sort());
      expect(await auditCount()).toBe(auditBefore + 2);
    });
  });

  describe('disconnecting (R6)', () => {
    it('disconnects, after which the user can be connected with other workspaces', async () => {
      const [user] = await take(1);
      const ws = await workspacesByName(server());
      const first = connectPayload(await connect([{ userIds: [user.id], workspaceIds: [ws.EMEA] }]));
      const oldGrantId = granted(first.results[0]).id;

      const revoked = disconnectPayload(await disconnect([user.id]));
      expect(revoked).toMatchObject({ disconnectedCount: 1, errorCount: 0, replayed: false });
      expect(revoked.results).toMatchObject([
        { __typename: 'MarketoAccessRevoked', userId: user.id, revokedGrant: { id: oldGrantId, workspaces: [{ name: 'EMEA' }] } },
      ]);
      expect(await storedGrantId(user.id)).toBeNull();
      expect(await countRows(server(), 'marketo_access_grant_workspace', 'grant_id = ?', [oldGrantId])).toBe(0);
      expect((await teamAccess())[user.id].marketoAccess).toMatchObject({ status: 'NOT_CONNECTED', workspaces: [], grantedAt: null, grantedBy: null });

      server().clock.advance(1000);
      const again = connectPayload(await connect([{ userIds: [user.id], workspaceIds: [ws.APAC, ws['North America']] }]));
      expect(kinds(again.results)).toEqual(['MarketoAccessGranted']);
      const grant = granted(again.results[0]);
      expect(grant.id).not.toBe(oldGrantId);
      expect(grant.grantedAt).toBe(server().clock.now().toISOString());
      expect(grant.workspaces.map((w) => w.name)).toEqual(['APAC', 'North America']);
      expect(await storedWorkspaceIds(user.id)).toEqual([ws.APAC, ws['North America']].sort());
      expect((await teamAccess())[user.id].marketoAccess.workspaces.map((w) => w.name)).toEqual(['APAC', 'North America']);
    });

    it('answers NOT_CONNECTED for a user who is not connected and USER_NOT_FOUND for unknown, malformed and foreign ids', async () => {
      const [connected, notConnected] = await take(2);
      connectPayload(await connect([{ userIds: [connected.id] }]));
      await ensureGlobexConnected();
      const globexUser = (await globexMembers())[0];
      expect(kinds(connectPayload(await connect([{ userIds: [globexUser.id] }], DEMO_TOKENS.globexAdmin)).results)).toEqual(['MarketoAccessGranted']);
      const globexGrantBefore = await storedGrantId(globexUser.id);
      expect(globexGrantBefore).not.toBeNull();
      const auditBefore = await auditCount();

      const input = [notConnected.id, UNKNOWN_USER, connected.id, MALFORMED_ID, globexUser.id];
      const payload = disconnectPayload(await disconnect(input));
      expect(kinds(payload.results)).toEqual(['NOT_CONNECTED', 'USER_NOT_FOUND', 'MarketoAccessRevoked', 'USER_NOT_FOUND', 'USER_NOT_FOUND']);
      expect(payload.results.map((r) => r.userId)).toEqual(input);
      expect(payload).toMatchObject({ disconnectedCount: 1, errorCount: 4 });
      expectWellFormedErrors(payload.results);
      expect(itemError(payload.results[0]).message).toContain(notConnected.name);
      expect(itemError(payload.results[1]).message).toContain(UNKNOWN_USER);
      expect(await storedGrantId(connected.id)).toBeNull();
      expect(await storedGrantId(globexUser.id)).toBe(globexGrantBefore);
      expect(await auditCount()).toBe(auditBefore + 1);
    });

    it('disconnects a user named twice in one call once: the second is DUPLICATE', async () => {
      const [user, other] = await take(2);
      connectPayload(await connect([{ userIds: [user.id, other.id] }]));
      const auditBefore = await auditCount();
      const payload = disconnectPayload(await disconnect([user.id, other.id, user.id]));
      expect(kinds(payload.results)).toEqual(['MarketoAccessRevoked', 'MarketoAccessRevoked', 'DUPLICATE']);
      expect(payload.results.map((r) => r.userId)).toEqual([user.id, other.id, user.id]);
      expect(payload).toMatchObject({ disconnectedCount: 2, errorCount: 1 });
      expectWellFormedErrors(payload.results);
      expect(await storedGrantId(user.id)).toBeNull();
      expect(await storedGrantId(other.id)).toBeNull();
      expect(await auditCount()).toBe(auditBefore + 2);
    });
  });

  describe('unlocked features (R7)', () => {
    it('unlocks Interesting Moments and Marketing Campaigns for the member once connected', async () => {
      const member = DEMO_TOKENS.acmeMember;
      const viewer = (await server().gql(VIEWER, {}, { token: member })).data.viewer;
      expect(viewer.role).toBe('MEMBER');
      expect(viewer.unlockedFeatures).toEqual([]);
      const payload = connectPayload(await connect([{ userIds: [viewer.user.id] }]));
      expect(kinds(payload.results)).toEqual(['MarketoAccessGranted']);
      expect(await features(member)).toEqual(FEATURES);
      disconnectPayload(await disconnect([viewer.user.id]));
      expect(await features(member)).toEqual([]);
    });

    it('locks them for the admin once disconnected and unlocks them again on reconnection', async () => {
      const admin = await acmeAdmin();
      const token = DEMO_TOKENS.acmeAdmin;
      expect(await features(token)).toEqual(FEATURES);
      const revoked = disconnectPayload(await disconnect([admin.id]));
      expect(kinds(revoked.results)).toEqual(['MarketoAccessRevoked']);
      expect(await features(token)).toEqual([]);
      // the other users he granted keep their access
      const lars = (await allTeamUsers(server(), undefined, { search: 'Lars Johansson' }))[0];
      expect(lars.marketoAccess.status).toBe('CONNECTED');
      const again = connectPayload(await connect([{ userIds: [admin.id] }]));
      expect(kinds(again.results)).toEqual(['MarketoAccessGranted']);
      expect(granted(again.results[0]).grantedBy?.id).toBe(admin.id);
      expect(await features(token)).toEqual(FEATURES);
    });

    it("cannot unlock them for another organization's user", async () => {
      // the Globex admin is not connected; Acme naming him is USER_NOT_FOUND and his features stay locked
      await ensureGlobexConnected();
      const globexAdmin = (await server().gql(VIEWER, {}, { token: DEMO_TOKENS.globexAdmin })).data.viewer;
      expect(globexAdmin.unlockedFeatures).toEqual([]);
      const payload = connectPayload(await connect([{ userIds: [globexAdmin.user.id] }]));
      expect(kinds(payload.results)).toEqual(['USER_NOT_FOUND']);
      expect(await features(DEMO_TOKENS.globexAdmin)).toEqual([]);
    });
  });

  describe('the audit trail', () => {
    it('writes one event per grant and per revoke, newest first, and none for unchanged or failed items', async () => {
      const [a, b, c] = await take(3);
      const ws = await workspacesByName(server());
      const admin = await acmeAdmin();
      const seededUnchanged = (await allTeamUsers(server(), undefined, { search: 'Olivia Bennett' }))[0];
      const before = (await auditEvents(1)).totalCount;

      server().clock.advance(5000);
      const grantTime = server().clock.now().toISOString();
      const grants = connectPayload(
        await connect([
          { userIds: [a.id, b.id], workspaceIds: [ws.EMEA, ws.APAC] },
          { userIds: [c.id, seededUnchanged.id, UNKNOWN_USER] },
          { userIds: [c.id], workspaceIds: [UNKNOWN_WORKSPACE] },
        ]),
      );
      expect(kinds(grants.results)).toEqual([
        'MarketoAccessGranted',
        'MarketoAccessGranted',
        'MarketoAccessGranted',
        'MarketoAccessUnchanged',
        'USER_NOT_FOUND',
        'DUPLICATE',
      ]);
      const grantIds = new Map(grants.results.filter((r) => r.__typename === 'MarketoAccessGranted').map((r) => [r.userId, granted(r).id]));
      const afterGrant = await auditEvents(10);
      expect(afterGrant.totalCount).toBe(before + 3);

      const grantEvents = afterGrant.edges.slice(0, 3).map((edge) => edge.node);
      expect(grantEvents.map((e) => e.targetId).sort()).toEqual([a.id, b.id, c.id].sort());
      const expectedWorkspaces: Record<string, string[]> = { [a.id]: [ws.EMEA, ws.APAC].sort(), [b.id]: [ws.EMEA, ws.APAC].sort(), [c.id]: [ws.Default] };
      for (const event of grantEvents) {
        expect(event).toMatchObject({
          action: 'MARKETO_ACCESS_GRANTED',
          targetType: 'TeamUser',
          occurredAt: grantTime,
          actor: { id: admin.id, name: admin.name },
        });
        expect([...(event.details.workspaceIds ?? [])].sort()).toEqual(expectedWorkspaces[event.targetId]);
        expect(event.details.grantId).toBe(grantIds.get(event.targetId));
      }

      server().clock.advance(5000);
      const revokeTime = server().clock.now().toISOString();
      const revoked = disconnectPayload(await disconnect([b.id, b.id, UNKNOWN_USER]));
      expect(kinds(revoked.results)).toEqual(['MarketoAccessRevoked', 'DUPLICATE', 'USER_NOT_FOUND']);

      const afterRevoke = await auditEvents(10);
      expect(afterRevoke.totalCount).toBe(before + 4);
      const [newest, ...older] = afterRevoke.edges.map((edge) => edge.node);
      expect(newest).toMatchObject({
        action: 'MARKETO_ACCESS_REVOKED',
        targetType: 'TeamUser',
        targetId: b.id,
        occurredAt: revokeTime,
        actor: { id: admin.id, name: admin.name },
        details: { grantId: grantIds.get(b.id) },
      });
      expect([...(newest.details.workspaceIds ?? [])].sort()).toEqual([ws.EMEA, ws.APAC].sort());
      // the grants follow the revoke, unchanged
      expect(older.slice(0, 3).map((e) => e.id)).toEqual(grantEvents.map((e) => e.id));

      // newest first across the whole page
      const times = afterRevoke.edges.map((edge) => Date.parse(edge.node.occurredAt));
      expect([...times].sort((x, y) => y - x)).toEqual(times);

      // connecting again with the same workspaces (unchanged) and with others (error) writes nothing
      server().clock.advance(5000);
      const retried = connectPayload(
        await connect([
          { userIds: [a.id], workspaceIds: [ws.APAC, ws.EMEA] },
          { userIds: [c.id], workspaceIds: [ws.EMEA] },
        ]),
      );
      expect(kinds(retried.results)).toEqual(['MarketoAccessUnchanged', 'ALREADY_CONNECTED']);
      const unchanged = await auditEvents(1);
      expect(unchanged.totalCount).toBe(before + 4);
      expect(unchanged.edges[0].node.id).toBe(newest.id);
    });

    it("keeps each organization's audit trail to itself", async () => {
      await ensureGlobexConnected();
      const acmeUserIds = new Set(ids(await allTeamUsers(server())));
      const globexEvents = await auditEvents(100, DEMO_TOKENS.globexAdmin);
      expect(globexEvents.edges.length).toBeGreaterThan(0);
      for (const { node } of globexEvents.edges) expect(acmeUserIds.has(node.targetId)).toBe(false);
    });
  });
});

describeEachDatabase('when access may be granted, and by whom (R2, R9)', (server) => {
  describe('R2: wait ten minutes after connecting with Marketo', () => {
    it('refuses grants before connectMarketo, then for ten minutes after it (with a countdown), then grants', async () => {
      const globexId = await organizationId(server(), 'Globex');
      const globexUsers = await notConnectedUsers(server(), GLOBEX);
      const userIds = idsOf(globexUsers, ['Hank Scorpio', 'Mindy Simmons']);
      const connectInput = { assignments: [{ userIds }] };

      // Not connected yet.
      const initial = (await server().gql(MARKETO_CONNECTION, {}, { token: GLOBEX })).data.marketoConnection;
      expect(initial).toEqual({ connected: false, connectedAt: null, readyAt: null, ready: false, retryAfterSeconds: null, workspacesEnabled: false });
      const before = await tableCounts(server());
      const notConnected = await server().gql(CONNECT, { input: { ...connectInput, idempotencyKey: 'r2-early' } }, { token: GLOBEX });
      expectRequestError(notConnected, 'MARKETO_NOT_CONNECTED', { i18nKey: 'errors:organization.MARKETO_NOT_CONNECTED' });
      expect(await tableCounts(server())).toEqual(before);

      // connectMarketo starts the ten minutes.
      const startedAt = server().clock.now();
      const connectedResponse = await server().gql(CONNECT_MARKETO, { input: { workspacesEnabled: false } }, { token: GLOBEX });
      expect(connectedResponse.errors).toBeUndefined();
      const connection = connectedResponse.data.connectMarketo;
      expect(connection).toEqual({
        connected: true,
        connectedAt: startedAt.toISOString(),
        readyAt: new Date(startedAt.getTime() + TEN_MINUTES_MS).toISOString(),
        ready: false,
        retryAfterSeconds: 600,
        workspacesEnabled: false,
      });
      expect(await countRows(server(), 'audit_event', "organization_id = ? AND action = 'MARKETO_CONNECTED'", [globexId])).toBe(1);
      expect(Object.keys(await workspacesByName(server(), GLOBEX))).toEqual(['Default']);

      // Clock not advanced: 600 s to go, "10 minutes".
      const afterConnect = await tableCounts(server());
      const justConnected = await server().gql(CONNECT, { input: connectInput }, { token: GLOBEX });
      const wait600 = expectRequestError(justConnected, 'MARKETO_CONNECTION_NOT_READY', {
        i18nKey: 'errors:organization.MARKETO_CONNECTION_NOT_READY',
        retryAfterSeconds: 600,
        readyAt: connection.readyAt,
      });
      expect(wait600.message).toMatch(/\b10 minutes\b/);
      expect(await tableCounts(server())).toEqual(afterConnect);

      // 4.5 minutes later: 330 s to go, rounded up to "6 minutes".
      server().clock.advance(4.5 * 60 * 1000);
      const wait330 = expectRequestError(await server().gql(CONNECT, { input: connectInput }, { token: GLOBEX }), 'MARKETO_CONNECTION_NOT_READY', {
        retryAfterSeconds: 330,
        readyAt: connection.readyAt,
      });
      expect(wait330.message).toMatch(/\b6 minutes\b/);
      expect(wait330.message).not.toMatch(/\b10 minutes\b/);
      expect((await server().gql(MARKETO_CONNECTION, {}, { token: GLOBEX })).data.marketoConnection).toEqual({
        connected: true,
        connectedAt: connection.connectedAt,
        readyAt: connection.readyAt,
        ready: false,
        retryAfterSeconds: 330,
        workspacesEnabled: false,
      });
      expect(Date.parse(connection.readyAt!) - Date.parse(connection.connectedAt!)).toBe(TEN_MINUTES_MS);

      // One second before the ten minutes: still refused, "1 minute".
      server().clock.advance(329 * 1000);
      const wait1 = expectRequestError(await server().gql(CONNECT, { input: connectInput }, { token: GLOBEX }), 'MARKETO_CONNECTION_NOT_READY', {
        retryAfterSeconds: 1,
      });
      expect(wait1.message).toMatch(/\b1 minute\b/);
      expect(await tableCounts(server())).toEqual(afterConnect);

      // Exactly ten minutes: ready, and the grant succeeds.
      server().clock.advance(1000);
      expect(server().clock.now().getTime()).toBe(startedAt.getTime() + TEN_MINUTES_MS);
      expect((await server().gql(MARKETO_CONNECTION, {}, { token: GLOBEX })).data.marketoConnection).toMatchObject({
        connected: true,
        ready: true,
        retryAfterSeconds: 0,
        readyAt: connection.readyAt,
      });
      const grants = await server().gql(CONNECT, { input: connectInput }, { token: GLOBEX });
      expect(grants.errors).toBeUndefined();
      expect(grants.data.connectMarketoUsers).toMatchObject({ connectedCount: 2, unchangedCount: 0, errorCount: 0, replayed: false });
      expect(
        grants.data.connectMarketoUsers.results.map((result) => [result.__typename, result.userId, granted(result).workspaces.map((w) => w.name)]),
      ).toEqual([
        ['MarketoAccessGranted', userIds[0], ['Default']],
        ['MarketoAccessGranted', userIds[1], ['Default']],
      ]);
      expect(await grantsOf(server(), userIds)).toBe(2);

      // Connecting a second time is refused, and changes nothing.
      const beforeSecond = await tableCounts(server());
      expectRequestError(
        await server().gql(CONNECT_MARKETO, { input: { workspacesEnabled: true, workspaceNames: ['Other'] } }, { token: GLOBEX }),
        'MARKETO_ALREADY_CONNECTED',
        {
          i18nKey: 'errors:organization.MARKETO_ALREADY_CONNECTED',
        },
      );
      expectRequestError(await server().gql(CONNECT_MARKETO, { input: { workspacesEnabled: true } }, { token: ACME }), 'MARKETO_ALREADY_CONNECTED');
      expect(await tableCounts(server())).toEqual(beforeSecond);
      expect((await server().gql(MARKETO_CONNECTION, {}, { token: GLOBEX })).data.marketoConnection).toMatchObject({
        connectedAt: connection.connectedAt,
        workspacesEnabled: false,
        ready: true,
      });
    });
  });

  describe('R9: only admins grant, disconnect, invite, connect Marketo and read the audit trail', () => {
    it('answers FORBIDDEN to a member, UNAUTHENTICATED without a token or with a wrong one, and writes nothing', async () => {
      const acmeUsers = await allTeamUsers(server());
      const [hugo, camille] = idsOf(acmeUsers, ['Hugo Petit', 'Camille Durand']);
      expect(await grantsOf(server(), [hugo])).toBe(0);
      expect(await grantsOf(server(), [camille])).toBe(1);
      const operations: [string, string, Record<string, unknown>][] = [
        ['connectMarketoUsers', CONNECT, { input: { idempotencyKey: 'auth-1', assignments: [{ userIds: [hugo] }] } }],
        ['disconnectMarketoUsers', DISCONNECT, { input: { idempotencyKey: 'auth-2', userIds: [camille] } }],
        ['inviteUsers', INVITE, { input: { idempotencyKey: 'auth-3', users: [{ name: 'Intruder', email: 'intruder@acme.example', role: 'ADMIN' }] } }],
        ['connectMarketo', CONNECT_MARKETO, { input: { workspacesEnabled: true, workspaceNames: ['Rogue'] } }],
        ['auditEvents', AUDIT_EVENTS, { first: 5 }],
      ];
      const callers: [string, string | null, string][] = [
        ['member', MEMBER, 'FORBIDDEN'],
        ['no token', null, 'UNAUTHENTICATED'],
        ['wrong token', 'not-a-real-token', 'UNAUTHENTICATED'],
      ];
      const before = await tableCounts(server());
      for (const [caller, token, code] of callers) {
        for (const [name, query, variables] of operations) {
          const response = await server().gql(query, variables, { token });
          try {
            const error = expectRequestError(response, code, { i18nKey: `errors:request.${code}` });
            expect(error.path).toEqual([name]);
          } catch (failure) {
            throw new Error(`${caller} → ${name}: ${(failure as Error).message}\nresponse: ${JSON.stringify(response)}`, { cause: failure });
          }
        }
      }
      expect(await tableCounts(server())).toEqual(before);
      expect(await grantsOf(server(), [hugo])).toBe(0);
      expect(await grantsOf(server(), [camille])).toBe(1);
      expect(await countRows(server(), 'team_user', 'email = ?', ['intruder@acme.example'])).toBe(0);

      // The admin may do what the member may not, and read it in the audit trail; the member may read
      // the connection state (not admin-only).
      const grant = await server().gql(CONNECT, { input: { assignments: [{ userIds: [hugo] }] } });
      expect(grant.data.connectMarketoUsers).toMatchObject({ connectedCount: 1, errorCount: 0 });
      const audit = await server().gql(AUDIT_EVENTS, { first: 5 });
      expect(audit.errors).toBeUndefined();
      expect(audit.data.auditEvents.totalCount).toBeGreaterThan(0);
      const memberView = await server().gql(MARKETO_CONNECTION, {}, { token: MEMBER });
      expect(memberView.errors).toBeUndefined();
      expect(memberView.data.marketoConnection).toMatchObject({ connected: true, ready: true });
    });
  });
});
