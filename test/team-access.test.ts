/**
 * The Team Access page (R1), its search, status filter and pagination, Team Management invitations
 * (R8), the audit trail's paging and the workspace list, all through GraphQL over HTTP, on SQLite and
 * MariaDB: the reference suite for R1 and R8. (Who may invite, R9, is access-grants.test.ts's.)
 *
 * Two suites, each with its own server and freshly seeded database:
 * - "on the demo seed" only reads, so every test there can rely on the seed's exact numbers;
 * - "invitations, audit trail and workspaces" writes; its tests invite their own users (unique
 *   e-mails) and assert relative changes, so they do not depend on one another's order.
 */
import { describeEachDatabase } from './support/each-database';
import { allTeamUsers, countRows, organizationId } from './support/fixtures';
import {
  AUDIT_EVENTS,
  CONNECT,
  INVITE,
  TEAM_ACCESS,
  VIEWER,
  WORKSPACES,
  type AuditEvent,
  type AuditEventsPage,
  type MarketoAccessStatus,
  type DataOf,
  type Operation,
  type Role,
  type TeamAccessPage,
  type TeamUser,
} from './support/operations';
import { localId } from './support/ids';
import { expectRequestError, invited, ofKind, ok } from './support/responses';
import { DEMO_TOKENS, SEEDED_AT, type TestServer } from './support/test-server';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const ACME_SEEDED_USERS = 52;
const GLOBEX_SEEDED_USERS = 11;
const ACME_CONNECTED_ON_SEED = ['Alex Morgan', 'Camille Durand', 'Ethan Walker', 'Lars Johansson', 'Olivia Bennett'];
const GLOBEX_NAMES = [
  'Jordan Blake',
  'Hank Scorpio',
  'Mindy Simmons',
  'Frank Grimes',
  'Rita LaFleur',
  'Arthur Crandall',
  'Lindsey Naegle',
  'Gavin Sutherland',
  'Nadia Okafor',
  'Priya Raman',
  'Tomás Herrera',
];
/** The seed grants Acme's access an hour before it is written. */
const SEED_GRANTED_AT = new Date(SEEDED_AT.getTime() - 3600_000).toISOString();

/** The N+1 probe: the grant's fields on every row. */
const TEAM_PAGE_WITH_ACCESS = /* GraphQL */ `
  query TeamPageWithAccess($first: Int) {
    teamAccess(first: $first) {
      totalCount
      edges { node { id name marketoAccess { status grantedAt grantedBy { name } workspaces { name } } } }
    }
  }
` as Operation<{
  teamAccess: {
    totalCount: number;
    edges: {
      node: Pick<TeamUser, 'id' | 'name'> & {
        marketoAccess: { status: MarketoAccessStatus; grantedAt: string | null; grantedBy: { name: string } | null; workspaces: { name: string }[] };
      };
    }[];
  };
}>;

type Page = TeamAccessPage;
type Filters = { search?: string; status?: MarketoAccessStatus };

async function teamPage(server: TestServer, variables: { first?: number; after?: string | null } & Filters, token?: string): Promise<Page> {
  return ok(await server.gql(TEAM_ACCESS, variables, { token })).teamAccess;
}

/** Walks every page of a Team Access query, checking each page's invariants on the way. */
async function walkTeam(server: TestServer, pageSize: number, filters: Filters = {}, token?: string): Promise<{ pages: Page[]; nodes: TeamUser[] }> {
  const pages: Page[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 200; guard += 1) {
    const page = await teamPage(server, { first: pageSize, after, ...filters }, token);
    expect(page.edges.length).toBeLessThanOrEqual(pageSize);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (page.pageInfo.hasNextPage) expect(page.edges).toHaveLength(pageSize);
    pages.push(page);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
  return { pages, nodes: pages.flatMap((page) => page.edges.map((edge) => edge.node)) };
}

async function search(server: TestServer, text: string, token?: string): Promise<Page> {
  return teamPage(server, { first: 100, search: text }, token);
}

const namesOf = (page: Page) => page.edges.map((edge) => edge.node.name);

/** The ids of an organization's users, straight from the database, in the order the API must list them (English: the root sort key). */
async function idsInDatabaseOrder(server: TestServer, organization: string): Promise<{ id: string; name: string }[]> {
  return server.dataSource.query(
    'SELECT u.id AS id, u.name AS name FROM team_user u JOIN organization o ON o.id = u.organization_id WHERE o.name = ? ORDER BY u.name_sort_root, u.id',
    [organization],
  );
}

async function userRow(server: TestServer, id: string): Promise<{ name: string; email: string; role: string; organization_id: string } | undefined> {
  const rows = await server.dataSource.query('SELECT name, email, role, organization_id FROM team_user WHERE id = ?', [localId(id)]);
  return rows[0];
}

let uniqueCounter = 0;
/** An e-mail no other test uses, so mutation tests do not depend on each other. */
function uniqueEmail(label: string): string {
  uniqueCounter += 1;
  return `${label}.${Date.now().toString(36)}.${uniqueCounter}@acme.example`;
}

async function invite(server: TestServer, users: { name: string; email: string; role?: Role }[], token?: string, idempotencyKey?: string) {
  return server.gql(INVITE, { input: { users, ...(idempotencyKey ? { idempotencyKey } : {}) } }, { token });
}

/** Every audit event, walking pages of `pageSize`, checking each page's invariants on the way. */
async function walkAudit(server: TestServer, pageSize: number): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let after: string | null = null;
  let totalCount: number | undefined;
  for (let guard = 0; guard < 500; guard += 1) {
    const page: AuditEventsPage = ok(await server.gql(AUDIT_EVENTS, { first: pageSize, after })).auditEvents;
    if (totalCount === undefined) totalCount = page.totalCount;
    expect(page.totalCount).toBe(totalCount);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (page.pageInfo.hasNextPage) expect(page.edges).toHaveLength(pageSize);
    events.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(events).toHaveLength(totalCount!);
  return events;
}

// ---------------------------------------------------------------------------------------------
// Read-only: the demo seed as it is
// ---------------------------------------------------------------------------------------------

describeEachDatabase('teamAccess on the demo seed (R1)', (server) => {
  describe('listing and pagination', () => {
    it('walks 52 Acme users in pages of 20: each once, by name then id, totalCount 52 on every page', async () => {
      const { pages, nodes } = await walkTeam(server(), 20);
      expect(pages.map((page) => page.edges.length)).toEqual([20, 20, 12]);
      expect(pages.map((page) => page.totalCount)).toEqual([52, 52, 52]);
      expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
      expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
      expect(nodes).toHaveLength(ACME_SEEDED_USERS);
      expect(new Set(nodes.map((node) => node.id)).size).toBe(ACME_SEEDED_USERS);

      // Exactly the organization's invited users, in the database's order of (name's sort key, id).
      const expected = await idsInDatabaseOrder(server(), 'Acme');
      expect(expected).toHaveLength(ACME_SEEDED_USERS);
      expect(nodes.map((node) => localId(node.id))).toEqual(expected.map((row) => row.id));
      expect(nodes.slice(0, 3).map((node) => node.name)).toEqual(['Agnes Wallin', 'Alex Morgan', 'Alva Olsson']);
      expect(nodes.at(-1)!.name).toBe('Zoé Blanc');
      for (const node of nodes) expect(node.email).toMatch(/@acme\.example$/);
      // Every edge's cursor is the (name, id) of its own node: the pages overlap nowhere.
      const cursors = pages.flatMap((page) => page.edges.map((edge) => edge.cursor));
      expect(new Set(cursors).size).toBe(ACME_SEEDED_USERS);
    });

    it('orders pages consistently: every cursor, not just endCursor, resumes right after its own node', async () => {
      const all = (await teamPage(server(), { first: 100 })).edges;
      expect(all).toHaveLength(ACME_SEEDED_USERS);
      for (const index of [0, 4, 19, 33, 50]) {
        const next = await teamPage(server(), { first: 3, after: all[index].cursor });
        expect(next.edges.map((edge) => edge.node.id)).toEqual(all.slice(index + 1, index + 4).map((edge) => edge.node.id));
        expect(next.totalCount).toBe(ACME_SEEDED_USERS);
        expect(next.pageInfo.hasNextPage).toBe(index + 4 < ACME_SEEDED_USERS);
      }
      const afterLast = await teamPage(server(), { first: 10, after: all.at(-1)!.cursor });
      expect(afterLast.edges).toEqual([]);
      expect(afterLast.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
      expect(afterLast.totalCount).toBe(ACME_SEEDED_USERS);
    });

    it('sets hasNextPage exactly at the boundary and defaults to 20 per page', async () => {
      expect((await teamPage(server(), { first: 51 })).pageInfo.hasNextPage).toBe(true);
      const exact = await teamPage(server(), { first: 52 });
      expect(exact.edges).toHaveLength(52);
      expect(exact.pageInfo.hasNextPage).toBe(false);
      const byDefault = await teamPage(server(), {});
      expect(byDefault.edges).toHaveLength(20);
      expect(byDefault.pageInfo.hasNextPage).toBe(true);
      const one = await teamPage(server(), { first: 1 });
      expect(one.edges).toHaveLength(1);
      expect(one.pageInfo.startCursor).toBe(one.pageInfo.endCursor);
    });

    it("shows Globex's admin only Globex's 11 users, none of Acme's", async () => {
      const acme = await walkTeam(server(), 20);
      const { pages, nodes } = await walkTeam(server(), 5, {}, DEMO_TOKENS.globexAdmin);
      expect(pages.every((page) => page.totalCount === GLOBEX_SEEDED_USERS)).toBe(true);
      expect(nodes).toHaveLength(GLOBEX_SEEDED_USERS);
      expect(nodes.map((node) => node.name).sort()).toEqual([...GLOBEX_NAMES].sort());
      const acmeIds = new Set(acme.nodes.map((node) => node.id));
      expect(nodes.filter((node) => acmeIds.has(node.id))).toEqual([]);
      for (const node of nodes) expect(node.email).toMatch(/@globex\.example$/);
      expect(nodes.map((node) => localId(node.id))).toEqual((await idsInDatabaseOrder(server(), 'Globex')).map((row) => row.id));
      // Nor does a search reach across organizations, either way.
      expect((await search(server(), 'globex', DEMO_TOKENS.acmeAdmin)).totalCount).toBe(0);
      expect((await search(server(), 'acme', DEMO_TOKENS.globexAdmin)).totalCount).toBe(0);
      expect((await search(server(), 'Olivia', DEMO_TOKENS.globexAdmin)).totalCount).toBe(0);
    });

    it('lets a member read teamAccess too (the same 52 users), and refuses a caller without a token', async () => {
      const admin = await walkTeam(server(), 20);
      const member = await walkTeam(server(), 20, {}, DEMO_TOKENS.acmeMember);
      expect(member.nodes.map((node) => node.id)).toEqual(admin.nodes.map((node) => node.id));
      expect(member.nodes).toEqual(admin.nodes);
      expectRequestError(await server().gql(TEAM_ACCESS, { first: 5 }, { token: null }), 'UNAUTHENTICATED');
      expectRequestError(await server().gql(TEAM_ACCESS, { first: 5 }, { token: 'not-a-real-token' }), 'UNAUTHENTICATED');
    });
  });

  describe('search', () => {
    it('matches part of a name, case-insensitively', async () => {
      for (const text of ['LINDBERG', 'lindberg', 'LindBerg', 'car lind', 'scar Lindb']) {
        const page = await search(server(), text);
        expect(namesOf(page)).toEqual(['Oscar Lindberg']);
        expect(page.totalCount).toBe(1);
      }
      const olivia = await search(server(), 'OLIVIA');
      expect(namesOf(olivia)).toEqual(['Olivia Bennett']);
      const son = await search(server(), 'SSON');
      // Every Acme name with "sson" in it, and nobody else.
      expect(namesOf(son).sort()).toEqual([
        'Alva Olsson',
        'Axel Gustafsson',
        'Ebba Magnusson',
        'Elsa Persson',
        'Emma Karlsson',
        'Erik Svensson',
        'Filip Jonsson',
        'Ingrid Nilsson',
        'Lars Johansson',
        'Nils Eriksson',
        'Saga Andersson',
        'Viktor Larsson',
      ]);
      expect(son.totalCount).toBe(12);
      expect(son.edges.every((edge) => edge.node.name.toLowerCase().includes('sson'))).toBe(true);
    });

    it('matches part of an e-mail', async () => {
      const bennett = await search(server(), 'olivia.bennett@');
      expect(bennett.edges.map((edge) => edge.node.email)).toEqual(['olivia.bennett@acme.example']);
      expect(bennett.totalCount).toBe(1);
      expect((await search(server(), 'ACME.EXAMPLE')).totalCount).toBe(ACME_SEEDED_USERS);
      expect((await search(server(), '@acme.example')).totalCount).toBe(ACME_SEEDED_USERS);
      // Only the e-mail has "gustafsson@": the name has a space, not an "@".
      expect(namesOf(await search(server(), 'gustafsson@'))).toEqual(['Axel Gustafsson']);
    });

    it('matches accented names, whatever the case of the accented letters', async () => {
      for (const text of ['chloé', 'CHLOÉ', 'Chloé Mor']) {
        const page = await search(server(), text);
        expect(page.edges.map((edge) => [edge.node.name, edge.node.email])).toEqual([['Chloé Moreau', 'chloe.moreau@acme.example']]);
        expect(page.totalCount).toBe(1);
      }
      expect(namesOf(await search(server(), 'lefèvre'))).toEqual(['Manon Lefèvre']);
      expect(namesOf(await search(server(), 'RAPHAËL'))).toEqual(['Raphaël Roux']);
      expect(namesOf(await search(server(), 'anaïs'))).toEqual(['Anaïs Chevalier']);
    });

    it('takes LIKE metacharacters literally: "%", "_", the escape character and backslash match nobody on the seed', async () => {
      for (const text of ['%', '_', '%%', '__', '!', '!%', '\\', '\\%', 'a%e', 'o_i', '[a-z]', '*']) {
        const page = await search(server(), text);
        expect({ text, totalCount: page.totalCount, names: namesOf(page) }).toEqual({ text, totalCount: 0, names: [] });
      }
    });

    it('takes SQL metacharacters literally: an injection attempt matches nobody and drops nothing', async () => {
      const before = await countRows(server(), 'team_user');
      expect(before).toBe(ACME_SEEDED_USERS + GLOBEX_SEEDED_USERS);
      for (const text of ["'; DROP TABLE team_user; --", "' OR '1'='1", '" OR 1=1 --', "') OR ('a'='a", "%' OR 1=1 --", "'; DELETE FROM team_user; --"]) {
        const page = await search(server(), text);
        expect({ text, totalCount: page.totalCount, edges: page.edges }).toEqual({ text, totalCount: 0, edges: [] });
      }
      // The table still exists, with every row.
      expect(await countRows(server(), 'team_user')).toBe(before);
      expect((await teamPage(server(), { first: 100 })).totalCount).toBe(ACME_SEEDED_USERS);
    });

    it('counts only the matches (totalCount reflects the filter) and pages through them', async () => {
      const all = await search(server(), 'an');
      const expected = (await walkTeam(server(), 100)).nodes.filter((node) => `${node.name.toLowerCase()} ${node.email}`.includes('an'));
      expect(all.totalCount).toBe(expected.length);
      expect(all.edges.map((edge) => edge.node.id).sort()).toEqual(expected.map((node) => node.id).sort());
      expect(all.totalCount).toBeGreaterThan(6);
      expect(all.totalCount).toBeLessThan(ACME_SEEDED_USERS);
      const walked = await walkTeam(server(), 3, { search: 'an' });
      expect(walked.pages.every((page) => page.totalCount === all.totalCount)).toBe(true);
      expect(walked.nodes.map((node) => node.id)).toEqual(all.edges.map((edge) => edge.node.id));
    });

    it('ignores surrounding spaces, and treats a blank search as no search', async () => {
      expect(namesOf(await search(server(), '  lindberg  '))).toEqual(['Oscar Lindberg']);
      expect((await search(server(), '   ')).totalCount).toBe(ACME_SEEDED_USERS);
      expect((await search(server(), '')).totalCount).toBe(ACME_SEEDED_USERS);
      expect((await search(server(), 'no such person anywhere')).totalCount).toBe(0);
    });

    it('combines search with the status filter', async () => {
      const connected = await teamPage(server(), { first: 100, search: 'acme.example', status: 'CONNECTED' });
      expect(connected.totalCount).toBe(5);
      const oliviaNotConnected = await teamPage(server(), { first: 100, search: 'olivia', status: 'NOT_CONNECTED' });
      expect(oliviaNotConnected.totalCount).toBe(0);
      const oliviaConnected = await teamPage(server(), { first: 100, search: 'olivia', status: 'CONNECTED' });
      expect(namesOf(oliviaConnected)).toEqual(['Olivia Bennett']);
    });
  });

  describe('status filter', () => {
    it('finds the 5 connected users, each with grantedAt, grantedBy and the workspaces of the grant', async () => {
      const { pages, nodes } = await walkTeam(server(), 2, { status: 'CONNECTED' });
      expect(pages.every((page) => page.totalCount === 5)).toBe(true);
      expect(nodes.map((node) => node.name).sort()).toEqual(ACME_CONNECTED_ON_SEED);
      const viewer = ok(await server().gql(VIEWER)).viewer;
      for (const node of nodes) {
        expect(node.marketoAccess.status).toBe('CONNECTED');
        expect(node.marketoAccess.grantedAt).toBe(SEED_GRANTED_AT);
        expect(node.marketoAccess.grantedBy).toEqual({ id: viewer.user.id, name: 'Alex Morgan' });
        expect(node.marketoAccess.workspaces.length).toBeGreaterThan(0);
      }
      const workspaces = Object.fromEntries(nodes.map((node) => [node.name, node.marketoAccess.workspaces.map((w) => [w.name, w.isDefault])]));
      expect(workspaces).toEqual({
        'Alex Morgan': [['Default', true]],
        'Olivia Bennett': [['Default', true]],
        'Lars Johansson': [['EMEA', false]],
        'Camille Durand': [['EMEA', false]],
        // The grant's workspaces by name when Default is not among them.
        'Ethan Walker': [
          ['APAC', false],
          ['North America', false],
        ],
      });
    });

    it('finds the 47 users not connected, each with no grant details', async () => {
      const { pages, nodes } = await walkTeam(server(), 20, { status: 'NOT_CONNECTED' });
      expect(pages.map((page) => page.edges.length)).toEqual([20, 20, 7]);
      expect(pages.every((page) => page.totalCount === 47)).toBe(true);
      for (const node of nodes) expect(node.marketoAccess).toEqual({ status: 'NOT_CONNECTED', grantedAt: null, grantedBy: null, workspaces: [] });
      expect(nodes.some((node) => ACME_CONNECTED_ON_SEED.includes(node.name))).toBe(false);
    });

    it('splits the organization in two: connected and not connected make up everyone, with no overlap', async () => {
      const everyone = (await walkTeam(server(), 100)).nodes;
      const connected = await allTeamUsers(server(), undefined, { status: 'CONNECTED' });
      const notConnected = await allTeamUsers(server(), undefined, { status: 'NOT_CONNECTED' });
      expect([connected.length, notConnected.length]).toEqual([5, 47]);
      expect([...connected, ...notConnected].map((user) => user.id).sort()).toEqual(everyone.map((node) => node.id).sort());
      // The unfiltered list reports the same status per user as the filtered ones.
      const statusById = new Map(everyone.map((node) => [node.id, node.marketoAccess.status]));
      for (const user of connected) expect(statusById.get(user.id)).toBe('CONNECTED');
      for (const user of notConnected) expect(statusById.get(user.id)).toBe('NOT_CONNECTED');
      // Globex is not connected at all.
      expect((await teamPage(server(), { first: 100, status: 'CONNECTED' }, DEMO_TOKENS.globexAdmin)).totalCount).toBe(0);
      expect((await teamPage(server(), { first: 100, status: 'NOT_CONNECTED' }, DEMO_TOKENS.globexAdmin)).totalCount).toBe(GLOBEX_SEEDED_USERS);
    });
  });

  describe('page size and cursors', () => {
    it('refuses first 0, -1 and 101 with BAD_USER_INPUT (PAGE_SIZE_OUT_OF_RANGE)', async () => {
      for (const first of [0, -1, 101, 1000, 2147483647]) {
        const response = await server().gql(TEAM_ACCESS, { first });
        expectRequestError(response, 'BAD_USER_INPUT', { reason: 'PAGE_SIZE_OUT_OF_RANGE' });
        expect(response.errors![0].message).toContain('100');
      }
    });

    it('accepts 1 and 100', async () => {
      expect((await teamPage(server(), { first: 100 })).edges).toHaveLength(ACME_SEEDED_USERS);
      expect((await teamPage(server(), { first: 1 })).edges).toHaveLength(1);
    });

    it('refuses cursors it did not make with BAD_USER_INPUT (INVALID_CURSOR)', async () => {
      const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
      const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
      for (const after of [
        'garbage',
        b64url('{"x":1}'),
        b64('{"x":1}'),
        b64url('["only one"]'),
        b64url('["a","b","c"]'),
        b64url('[1,2]'),
        b64url('hello world'),
        b64url('null'),
        '%%%',
      ]) {
        const response = await server().gql(TEAM_ACCESS, { first: 10, after });
        expectRequestError(response, 'BAD_USER_INPUT', { reason: 'INVALID_CURSOR' });
      }
    });
  });

  describe('SQL statements per page (no N+1)', () => {
    it('loads 52 users with their grant, grantor and workspaces in a few statements, the same as for 10', async () => {
      const measure = async (first: number) => {
        let data!: DataOf<typeof TEAM_PAGE_WITH_ACCESS>;
        const statements = await server().statements.during(async () => {
          data = ok(await server().gql(TEAM_PAGE_WITH_ACCESS, { first }));
        });
        return { statements, nodes: data.teamAccess.edges.map((edge) => edge.node) };
      };
      const all = await measure(52);
      const ten = await measure(10);
      // Both pages really load the nested data: connected users with grantor and workspaces.
      expect(all.nodes).toHaveLength(52);
      expect(all.nodes.filter((node) => node.marketoAccess.status === 'CONNECTED')).toHaveLength(5);
      expect(ten.nodes).toHaveLength(10);
      const tenConnected = ten.nodes.filter((node) => node.marketoAccess.status === 'CONNECTED');
      expect(tenConnected.length).toBeGreaterThan(0);
      for (const node of tenConnected) {
        expect(node.marketoAccess.grantedBy?.name).toBe('Alex Morgan');
        expect(node.marketoAccess.workspaces.length).toBeGreaterThan(0);
      }
      expect(all.statements.length).toBeLessThanOrEqual(8);
      expect(ten.statements.length).toBe(all.statements.length);
      // Again for a whole page of 100 (after the users are fetched, a constant few lookups).
      expect((await measure(100)).statements.length).toBe(all.statements.length);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Writes: invitations (R8), the audit trail, workspaces
// ---------------------------------------------------------------------------------------------

describeEachDatabase('inviteUsers, auditEvents and marketoWorkspaces (R8)', (server) => {
  describe('inviteUsers', () => {
    it('answers a mixed batch with one typed result per invitee, in input order', async () => {
      const acmeId = await organizationId(server(), 'Acme');
      const before = await countRows(server(), 'team_user', 'organization_id = ?', [acmeId]);
      const fresh = uniqueEmail('dup');
      const batch: { name: string; email: string; role?: Role }[] = [
        { name: 'Valid Person', email: uniqueEmail('Valid.Person').toUpperCase() },
        { name: 'No Mail', email: 'not-an-email' },
        { name: '', email: uniqueEmail('empty.name') },
        { name: 'x'.repeat(201), email: uniqueEmail('long.name') },
        { name: 'Olivia Again', email: 'OLIVIA.Bennett@ACME.example' },
        { name: 'First Copy', email: fresh },
        { name: 'Second Copy', email: fresh.toUpperCase() },
        { name: 'Admin Person', email: uniqueEmail('admin.person'), role: 'ADMIN' },
        { name: '   ', email: uniqueEmail('blank.name') },
        { name: 'y'.repeat(200), email: uniqueEmail('max.name') },
        { name: 'No Domain Dot', email: 'someone@localhost' },
        { name: 'Two Ats', email: 'a@b@acme.example' },
      ];
      const response = await invite(server(), batch);
      const payload = ok(response).inviteUsers;
      expect(payload.results.map((result) => (result.__typename === 'UserInvited' ? 'UserInvited' : `${result.__typename}:${result.code}`))).toEqual([
        'UserInvited',
        'InviteUserError:INVALID_EMAIL',
        'InviteUserError:INVALID_NAME',
        'InviteUserError:INVALID_NAME',
        'InviteUserError:EMAIL_ALREADY_INVITED',
        'UserInvited',
        'InviteUserError:EMAIL_ALREADY_INVITED',
        'UserInvited',
        'InviteUserError:INVALID_NAME',
        'UserInvited',
        'InviteUserError:INVALID_EMAIL',
        'InviteUserError:INVALID_EMAIL',
      ]);
      expect(payload).toMatchObject({ invitedCount: 4, errorCount: 8, replayed: false });

      // Errors: the e-mail as given, a stable code, a catalog key and a message.
      for (const [index, result] of payload.results.entries()) {
        if (result.__typename !== 'InviteUserError') continue;
        expect(result.email).toBe(batch[index].email);
        expect(result.i18nKey).toBe(`errors:team.${result.code}`);
        expect(typeof result.message).toBe('string');
        expect(result.message.length).toBeGreaterThan(0);
        expect(result.message).not.toContain('errors:');
      }
      expect(ofKind(payload.results[4], 'InviteUserError').message).toContain('OLIVIA.Bennett@ACME.example');

      // Invited: stored trimmed, e-mail lower-cased, role as asked (MEMBER by default).
      const invitedUsers = payload.results.filter((result) => result.__typename === 'UserInvited').map(invited);
      expect(invitedUsers.map((user) => [user.name, user.email, user.role])).toEqual([
        ['Valid Person', batch[0].email.toLowerCase(), 'MEMBER'],
        ['First Copy', fresh.toLowerCase(), 'MEMBER'],
        ['Admin Person', batch[7].email.toLowerCase(), 'ADMIN'],
        ['y'.repeat(200), batch[9].email.toLowerCase(), 'MEMBER'],
      ]);
      for (const user of invitedUsers) {
        const row = await userRow(server(), user.id);
        expect(row).toMatchObject({ name: user.name, email: user.email.toLowerCase(), role: user.role, organization_id: acmeId });
      }
      // Only the invited rows were written.
      expect(await countRows(server(), 'team_user', 'organization_id = ?', [acmeId])).toBe(before + 4);

      // They appear on the Team Access page, not connected.
      for (const user of invitedUsers) {
        const page = await search(server(), user.email);
        expect(page.edges.map((edge) => edge.node)).toEqual([
          expect.objectContaining({
            id: user.id,
            name: user.name,
            email: user.email,
            marketoAccess: { status: 'NOT_CONNECTED', grantedAt: null, grantedBy: null, workspaces: [] },
          }),
        ]);
      }
      const total = (await teamPage(server(), { first: 1 })).totalCount;
      expect(total).toBe(before + 4);
      // Olivia is still there once, untouched.
      expect((await search(server(), 'olivia.bennett')).edges.map((edge) => edge.node.name)).toEqual(['Olivia Bennett']);
    });

    it('stores e-mails lower-cased and trimmed, and refuses the same address in any case afterwards', async () => {
      const email = uniqueEmail('Mixed.Case');
      const mixed = `  ${email.replace('mixed', 'MiXeD').replace('acme.example', 'ACME.Example')}  `;
      const first = ok(await invite(server(), [{ name: '  Padded Name  ', email: mixed }])).inviteUsers;
      expect(first.results[0]).toMatchObject({ __typename: 'UserInvited', user: { name: 'Padded Name', email: email.toLowerCase() } });
      expect((await userRow(server(), invited(first.results[0]).id))!.email).toBe(email.toLowerCase());
      const again = ok(await invite(server(), [{ name: 'Someone Else', email: email.toUpperCase() }])).inviteUsers;
      expect(again).toMatchObject({ invitedCount: 0, errorCount: 1 });
      expect(again.results[0]).toMatchObject({ __typename: 'InviteUserError', code: 'EMAIL_ALREADY_INVITED', email: email.toUpperCase() });
    });

    it('lets an invited user be connected with connectMarketoUsers (CONNECT) → MarketoAccessGranted, Default workspace (R5, R8)', async () => {
      const email = uniqueEmail('to.connect');
      const user = invited(ok(await invite(server(), [{ name: 'To Connect', email }])).inviteUsers.results[0]);
      expect((await search(server(), email)).edges[0].node.marketoAccess.status).toBe('NOT_CONNECTED');
      const before = await teamPage(server(), { first: 1, status: 'CONNECTED' });

      const connected = ok(await server().gql(CONNECT, { input: { assignments: [{ userIds: [user.id] }] } })).connectMarketoUsers;
      expect(connected).toMatchObject({ connectedCount: 1, unchangedCount: 0, errorCount: 0, replayed: false });
      const viewer = ok(await server().gql(VIEWER)).viewer;
      expect(connected.results).toMatchObject([
        {
          __typename: 'MarketoAccessGranted',
          userId: user.id,
          grant: {
            id: expect.any(String),
            grantedAt: server().clock.now().toISOString(),
            grantedBy: { id: viewer.user.id },
            user: { id: user.id },
            workspaces: [{ id: expect.any(String), name: 'Default', isDefault: true }],
          },
        },
      ]);

      const node = (await search(server(), email)).edges[0].node;
      expect(node.marketoAccess).toMatchObject({
        status: 'CONNECTED',
        grantedAt: server().clock.now().toISOString(),
        grantedBy: { id: viewer.user.id, name: 'Alex Morgan' },
        workspaces: [{ name: 'Default', isDefault: true }],
      });
      const after = await teamPage(server(), { first: 1, status: 'CONNECTED' });
      expect(after.totalCount).toBe(before.totalCount + 1);
    });

    it('round-trips Unicode names exactly (accents, emoji, other scripts, combining marks)', async () => {
      const names = [
        'Åsa Öberg',
        'José Núñez',
        'Zoë 🚀 Ünal 👩🏽‍💻',
        '山田 太郎',
        'مريم الحسن',
        'Zoe\u0301 Decomposed', // e + combining acute: stored composed (NFC), as "Zoé Decomposed"
        "Seán O'Brien-Ní Dhuibhir",
        '😀'.repeat(200), // 200 characters (400 UTF-16 units): the longest name allowed
      ];
      const users = names.map((name, i) => ({ name, email: uniqueEmail(`unicode${i}`) }));
      const payload = ok(await invite(server(), users)).inviteUsers;
      expect(payload).toMatchObject({ invitedCount: names.length, errorCount: 0 });
      // As given, in Unicode's composed form (NFC): same code points, as stored and as listed.
      const stored = names.map((name) => name.normalize('NFC'));
      expect(stored[5]).toBe('Zo\u00e9 Decomposed');
      expect(payload.results.map((result) => invited(result).name)).toEqual(stored);
      for (const [i, result] of payload.results.entries()) {
        expect((await userRow(server(), invited(result).id))!.name).toBe(stored[i]);
        const listed = (await search(server(), users[i].email)).edges.map((edge) => edge.node.name);
        expect(listed).toEqual([stored[i]]);
      }
      // And searchable by their own letters, in any case.
      expect(namesOf(await search(server(), 'ÅSA ÖBERG'))).toEqual(['Åsa Öberg']);
      expect(namesOf(await search(server(), 'NÚÑEZ'))).toEqual(['José Núñez']);
      expect(namesOf(await search(server(), '🚀'))).toEqual(['Zoë 🚀 Ünal 👩🏽‍💻']);
      expect(namesOf(await search(server(), '山田'))).toEqual(['山田 太郎']);
      expect(namesOf(await search(server(), "o'brien"))).toEqual(["Seán O'Brien-Ní Dhuibhir"]);
      // 201 emoji are one too many.
      const tooLong = ok(await invite(server(), [{ name: '😀'.repeat(201), email: uniqueEmail('emoji201') }])).inviteUsers;
      expect(tooLong.results[0]).toMatchObject({ __typename: 'InviteUserError', code: 'INVALID_NAME' });
    });

    it('matches "%" and "_" literally in names and e-mails of invited users', async () => {
      const percent = invited(ok(await invite(server(), [{ name: 'Percent 100% Sure', email: uniqueEmail('percent') }])).inviteUsers.results[0]);
      const underscoreEmail = uniqueEmail('under_score');
      const underscore = invited(ok(await invite(server(), [{ name: 'Under Score', email: underscoreEmail }])).inviteUsers.results[0]);
      const everyone = (await walkTeam(server(), 100)).nodes;
      const containing = (text: string) =>
        everyone
          .filter((node) => `${node.name} ${node.email}`.toLowerCase().includes(text))
          .map((node) => node.id)
          .sort();
      for (const [text, expected] of [
        ['%', percent.id],
        ['100%', percent.id],
        ['0% s', percent.id],
        ['_', underscore.id],
        ['r_s', underscore.id],
      ] as const) {
        const page = await search(server(), text);
        expect({ text, ids: page.edges.map((edge) => edge.node.id).sort() }).toEqual({ text, ids: containing(text) });
        expect(page.edges.map((edge) => edge.node.id)).toContain(expected);
        expect(page.totalCount).toBe(containing(text).length);
      }
    });

    it('pages through users with the same name without skipping or repeating any (ties broken by id)', async () => {
      const tag = `Twin ${Date.now().toString(36)}`;
      const payload = ok(
        await invite(
          server(),
          [1, 2, 3, 4].map((i) => ({ name: tag, email: uniqueEmail(`twin${i}`) })),
        ),
      ).inviteUsers;
      expect(payload.invitedCount).toBe(4);
      const { nodes, pages } = await walkTeam(server(), 1, { search: tag });
      expect(pages.every((page) => page.totalCount === 4)).toBe(true);
      // Ties are broken by the local id (the database's order), which the opaque global ids do not keep.
      const ids = nodes.map((node) => localId(node.id));
      expect(ids).toEqual(payload.results.map((result) => localId(invited(result).id)).sort());
      // And across the whole list too.
      const all = (await walkTeam(server(), 7)).nodes.map((node) => node.id);
      expect(new Set(all).size).toBe(all.length);
      expect(all.map(localId)).toEqual((await idsInDatabaseOrder(server(), 'Acme')).map((row) => row.id));
    });

    it('keeps e-mail uniqueness per organization: Globex can invite an address Acme has, and neither sees the other', async () => {
      const payload = ok(await invite(server(), [{ name: 'Olivia At Globex', email: 'olivia.bennett@acme.example' }], DEMO_TOKENS.globexAdmin)).inviteUsers;
      expect(payload.results[0]).toMatchObject({ __typename: 'UserInvited', user: { name: 'Olivia At Globex', email: 'olivia.bennett@acme.example' } });
      expect(namesOf(await search(server(), 'olivia.bennett', DEMO_TOKENS.globexAdmin))).toEqual(['Olivia At Globex']);
      expect(namesOf(await search(server(), 'olivia.bennett'))).toEqual(['Olivia Bennett']);
      expect((await userRow(server(), invited(payload.results[0]).id))!.organization_id).toBe(await organizationId(server(), 'Globex'));
    });

    it('treats an e-mail differing from an invited one only by accents as another address, on every database', async () => {
      const local = `jose${Date.now().toString(36)}`;
      const plain = `${local}@acme.example`;
      const accented = `${local.replace('jose', 'josé')}@acme.example`;
      const first = ok(await invite(server(), [{ name: 'Jose Plain', email: plain }])).inviteUsers;
      expect(first.results[0].__typename).toBe('UserInvited');
      // A per-item result, never a failed request (the e-mails are different mailboxes).
      const payload = ok(await invite(server(), [{ name: 'José Accented', email: accented }])).inviteUsers;
      expect(payload.results[0]).toMatchObject({ __typename: 'UserInvited', user: { email: accented } });
    });

    it('does not fail a whole batch over addresses that a collation might equate (é/e, ß/ss)', async () => {
      const tag = Date.now().toString(36);
      const users = [
        { name: 'Plain Letters', email: `muller.strasse.${tag}@acme.example` },
        { name: 'Accented Letters', email: `müller.straße.${tag}@acme.example` },
        { name: 'Unrelated Person', email: uniqueEmail('unrelated') },
      ];
      const payload = ok(await invite(server(), users)).inviteUsers;
      expect(payload.results.map((result) => result.__typename)).toEqual(['UserInvited', 'UserInvited', 'UserInvited']);
      expect(payload.results.map((result) => invited(result).email)).toEqual(users.map((user) => user.email));
    });

    it('accepts a valid 200-character name whose lower case is longer (Turkish İ) with a long e-mail', async () => {
      // "İ" lower-cases to two characters ("i̇"): the name is valid (200 characters), the e-mail too.
      const name = 'İ'.repeat(200);
      const email = `${'a'.repeat(60)}.${Date.now().toString(36)}@acme.example`;
      const payload = ok(await invite(server(), [{ name, email }])).inviteUsers;
      expect(payload.results[0]).toMatchObject({ __typename: 'UserInvited', user: { name, email } });
      expect(namesOf(await search(server(), email))).toEqual([name]);
    });

    it('replays a retry with the same idempotency key without inviting anyone twice', async () => {
      const key = `invite-${Date.now()}`;
      const users = [
        { name: 'Retry Person', email: uniqueEmail('retry') },
        { name: 'Bad', email: 'bad' },
      ];
      const first = ok(await invite(server(), users, undefined, key)).inviteUsers;
      const before = await countRows(server(), 'team_user');
      const again = ok(await invite(server(), users, undefined, key)).inviteUsers;
      expect(again.replayed).toBe(true);
      expect({ ...again, replayed: false }).toEqual(first);
      expect(await countRows(server(), 'team_user')).toBe(before);
    });
  });

  describe('auditEvents (admins only)', () => {
    it('records USER_INVITED for each invited user, by the Acme admin, newest first', async () => {
      const viewer = ok(await server().gql(VIEWER)).viewer;
      const before = ok(await server().gql(AUDIT_EVENTS, { first: 1 })).auditEvents.totalCount;

      server().clock.advance(60_000);
      const firstAt = server().clock.now().toISOString();
      const batch1 = ok(
        await invite(server(), [
          { name: 'Audit One', email: uniqueEmail('audit1') },
          { name: 'Audit Two', email: uniqueEmail('audit2'), role: 'ADMIN' },
          { name: 'Audit Bad', email: 'no-at-sign' },
          { name: 'Audit Three', email: uniqueEmail('audit3') },
        ]),
      ).inviteUsers;
      server().clock.advance(60_000);
      const secondAt = server().clock.now().toISOString();
      const batch2 = ok(
        await invite(server(), [
          { name: 'Audit Four', email: uniqueEmail('audit4') },
          { name: 'Audit Five', email: uniqueEmail('audit5') },
        ]),
      ).inviteUsers;
      const ids1 = batch1.results.filter((r) => r.__typename === 'UserInvited').map((r) => invited(r).id);
      const ids2 = batch2.results.filter((r) => r.__typename === 'UserInvited').map((r) => invited(r).id);
      expect(ids1).toHaveLength(3);
      expect(ids2).toHaveLength(2);

      const events = await walkAudit(server(), 100);
      expect(events).toHaveLength(before + 5);
      // Newest first: the second batch's events, then the first's; no event for the failed invitee.
      const newest = events.slice(0, 5);
      expect(newest.map((event) => event.occurredAt)).toEqual([secondAt, secondAt, firstAt, firstAt, firstAt]);
      expect(
        newest
          .slice(0, 2)
          .map((event) => event.targetId)
          .sort(),
      ).toEqual([...ids2].sort());
      expect(
        newest
          .slice(2)
          .map((event) => event.targetId)
          .sort(),
      ).toEqual([...ids1].sort());
      for (const event of newest) {
        expect(event).toMatchObject({ action: 'USER_INVITED', targetType: 'TeamUser', actor: { id: viewer.user.id, name: 'Alex Morgan' } });
      }
      const roleOf = Object.fromEntries(newest.map((event) => [event.targetId, event.details.role]));
      expect(roleOf[ids1[1]]).toBe('ADMIN');
      expect(roleOf[ids1[0]]).toBe('MEMBER');
      // Newest first across the whole trail.
      for (let i = 1; i < events.length; i += 1) expect(Date.parse(events[i - 1].occurredAt)).toBeGreaterThanOrEqual(Date.parse(events[i].occurredAt));
    });

    it('paginates with first/after without duplicates or gaps, even within one timestamp', async () => {
      // A batch of events sharing one timestamp, so page boundaries fall between equal times.
      server().clock.advance(60_000);
      const sameTime = ok(
        await invite(
          server(),
          [1, 2, 3, 4, 5].map((i) => ({ name: `Same Time ${i}`, email: uniqueEmail(`same${i}`) })),
        ),
      ).inviteUsers;
      // And a grant at that time too: within one timestamp, the newest event still comes first.
      ok(await server().gql(CONNECT, { input: { assignments: [{ userIds: [invited(sameTime.results[0]).id] }] } }));
      const reference = await walkAudit(server(), 100);
      expect(reference.length).toBeGreaterThanOrEqual(6);
      expect(reference.slice(0, 6).map((event) => event.action)).toEqual(['MARKETO_ACCESS_GRANTED', ...Array(5).fill('USER_INVITED')]);
      expect(new Set(reference.slice(0, 6).map((event) => event.occurredAt)).size).toBe(1);
      for (const size of [1, 2, 3]) {
        const walked = await walkAudit(server(), size);
        expect(walked.map((event) => event.id)).toEqual(reference.map((event) => event.id));
        expect(new Set(walked.map((event) => event.id)).size).toBe(walked.length);
      }
      const page = ok(await server().gql(AUDIT_EVENTS, { first: 2 })).auditEvents;
      expect(page.edges).toHaveLength(2);
      expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    });

    it('is for admins only, scoped to the organization, and validates page size and cursor', async () => {
      expectRequestError(await server().gql(AUDIT_EVENTS, { first: 5 }, { token: DEMO_TOKENS.acmeMember }), 'FORBIDDEN');
      expectRequestError(await server().gql(AUDIT_EVENTS, { first: 5 }, { token: null }), 'UNAUTHENTICATED');
      const acme = await walkAudit(server(), 100);
      const globex = ok(await server().gql(AUDIT_EVENTS, { first: 100 }, { token: DEMO_TOKENS.globexAdmin })).auditEvents;
      const acmeIds = new Set(acme.map((event) => event.id));
      expect(globex.edges.filter((edge) => acmeIds.has(edge.node.id))).toEqual([]);
      const globexAdmin = ok(await server().gql(VIEWER, {}, { token: DEMO_TOKENS.globexAdmin })).viewer.user.id;
      for (const edge of globex.edges) expect(edge.node.actor?.id).toBe(globexAdmin);
      for (const first of [0, -1, 101]) expectRequestError(await server().gql(AUDIT_EVENTS, { first }), 'BAD_USER_INPUT', { reason: 'PAGE_SIZE_OUT_OF_RANGE' });
      for (const after of ['garbage', Buffer.from('{"x":1}').toString('base64url'), Buffer.from('["not a date","x"]').toString('base64url')]) {
        expectRequestError(await server().gql(AUDIT_EVENTS, { first: 5, after }), 'BAD_USER_INPUT', { reason: 'INVALID_CURSOR' });
      }
    });
  });

  describe('marketoWorkspaces', () => {
    it("lists Acme's 4 workspaces, Default first and the only default, for admins and members", async () => {
      const expected = [
        ['Default', true],
        ['APAC', false],
        ['EMEA', false],
        ['North America', false],
      ];
      for (const token of [DEMO_TOKENS.acmeAdmin, DEMO_TOKENS.acmeMember]) {
        const workspaces = ok(await server().gql(WORKSPACES, {}, { token })).marketoWorkspaces;
        expect(workspaces.map((w) => [w.name, w.isDefault])).toEqual(expected);
        expect(new Set(workspaces.map((w) => w.id)).size).toBe(4);
      }
    });

    it('shows Globex none before connectMarketo, then only its own', async () => {
      const acmeIds = ok(await server().gql(WORKSPACES)).marketoWorkspaces.map((w) => w.id);
      expect(ok(await server().gql(WORKSPACES, {}, { token: DEMO_TOKENS.globexAdmin })).marketoWorkspaces).toEqual([]);
      const connection = ok(
        await server().gql(
          /* GraphQL */ `
            mutation ($input: ConnectMarketoInput!) {
              connectMarketo(input: $input) {
                connected
                workspacesEnabled
              }
            }
          `,
          { input: { workspacesEnabled: true, workspaceNames: ['Nordics', 'Benelux'] } },
          { token: DEMO_TOKENS.globexAdmin },
        ),
      ).connectMarketo;
      expect(connection).toEqual({ connected: true, workspacesEnabled: true });
      const globex = ok(await server().gql(WORKSPACES, {}, { token: DEMO_TOKENS.globexAdmin })).marketoWorkspaces;
      expect(globex.map((w) => [w.name, w.isDefault])).toEqual([
        ['Default', true],
        ['Benelux', false],
        ['Nordics', false],
      ]);
      expect(globex.filter((w) => acmeIds.includes(w.id))).toEqual([]);
      // Acme's list is unchanged.
      expect(ok(await server().gql(WORKSPACES)).marketoWorkspaces.map((w) => w.id)).toEqual(acmeIds);
    });
  });
});
