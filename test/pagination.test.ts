/**
 * Pagination of every connection (teamAccess, auditEvents) over HTTP, on SQLite and MariaDB: Relay's
 * forward (first/after) and backward (last/before) paging, teamAccess's orders, auditEvents's
 * filters, and cursors bound to their list, order and filters. On the demo seed, plus a few grants
 * made at distinct times (the seed's share one) and, for the audit trail, invitations in both
 * organizations.
 */
import { describeEachDatabase } from './support/each-database';
import { invitees, notConnectedUsers } from './support/fixtures';
import { CONNECT, INVITE, type AuditAction, type AuditEvent, type Operation, type PageInfo } from './support/operations';
import { localId } from './support/ids';
import { expectRequestError, ok } from './support/responses';
import { DEMO_TOKENS, type TestServer } from './support/test-server';

const ACME_SEEDED_USERS = 52;

interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: T }[];
}
type OrderField = 'NAME' | 'EMAIL' | 'GRANTED_AT';
type Direction = 'ASC' | 'DESC';
interface Member {
  id: string;
  name: string;
  email: string;
  marketoAccess: { grantedAt: string | null };
}
type Event = Pick<AuditEvent, 'id' | 'action' | 'targetId' | 'occurredAt' | 'actor'>;

const TEAM = /* GraphQL */ `
  query Team($first: Int, $after: String, $last: Int, $before: String, $orderBy: TeamAccessOrder, $search: String) {
    teamAccess(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, search: $search) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id name email marketoAccess { grantedAt } } }
    }
  }
` as Operation<{ teamAccess: Connection<Member> }>;

const AUDIT = /* GraphQL */ `
  query Audit($first: Int, $after: String, $last: Int, $before: String, $action: [AuditAction!], $actorId: ID, $targetId: ID, $occurredAfter: DateTimeISO, $occurredBefore: DateTimeISO) {
    auditEvents(first: $first, after: $after, last: $last, before: $before, action: $action, actorId: $actorId, targetId: $targetId, occurredAfter: $occurredAfter, occurredBefore: $occurredBefore) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id action targetId occurredAt actor { id } } }
    }
  }
` as Operation<{ auditEvents: Connection<Event> }>;

type Fetch<T> = (variables: Record<string, unknown>) => Promise<Connection<T>>;

/** What every page must hold, whatever its direction. */
function checkPage<T>(page: Connection<T>, size: number): void {
  expect(page.edges.length).toBeLessThanOrEqual(size);
  expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
  expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
}

/** Every node, first/after from the start, checking each page's hasPreviousPage and hasNextPage. */
async function walkForward<T>(fetch: Fetch<T>, size: number, variables: Record<string, unknown> = {}): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 200; guard += 1) {
    const page: Connection<T> = await fetch({ ...variables, first: size, after });
    checkPage(page, size);
    expect(page.pageInfo.hasPreviousPage).toBe(nodes.length > 0);
    nodes.push(...page.edges.map((edge) => edge.node));
    expect(page.pageInfo.hasNextPage).toBe(nodes.length < page.totalCount);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

/** Every node, last/before from the end: pages come in list order, and the walk prepends them. */
async function walkBackward<T>(fetch: Fetch<T>, size: number, variables: Record<string, unknown> = {}): Promise<T[]> {
  const nodes: T[] = [];
  let before: string | null = null;
  for (let guard = 0; guard < 200; guard += 1) {
    const page: Connection<T> = await fetch({ ...variables, last: size, before });
    checkPage(page, size);
    expect(page.pageInfo.hasNextPage).toBe(nodes.length > 0);
    nodes.unshift(...page.edges.map((edge) => edge.node));
    expect(page.pageInfo.hasPreviousPage).toBe(nodes.length < page.totalCount);
    if (!page.pageInfo.hasPreviousPage) return nodes;
    before = page.pageInfo.startCursor;
  }
  throw new Error('too many pages');
}

const MINUTE = 60_000;

/** Grants access to some not-connected Acme users, a minute apart and two at once (a tie). */
async function grantAtDistinctTimes(server: TestServer): Promise<void> {
  const [a, b, c, d] = await notConnectedUsers(server);
  for (const userIds of [[a.id], [b.id, c.id], [d.id]]) {
    server.clock.advance(MINUTE);
    expect(ok(await server.gql(CONNECT, { input: { assignments: [{ userIds }] } })).connectMarketoUsers.connectedCount).toBe(userIds.length);
  }
}

const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);
const nodesOf = <T>(page: Connection<T>) => page.edges.map((edge) => edge.node);
/** Code-unit order: how the columns compared byte for byte (ids, e-mails: utf8mb4_bin on MariaDB) sort in both databases. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describeEachDatabase('pagination of teamAccess', (server) => {
  beforeAll(() => grantAtDistinctTimes(server()));
  const team: Fetch<Member> = async (variables) => ok(await server().gql(TEAM, variables)).teamAccess;

  /** The list's order computed here: NAME's is Intl.Collator's for the request's language (English here), ties by id. */
  async function expectedOrder(field: OrderField, direction: Direction): Promise<string[]> {
    const everyone = await walkForward(team, 100);
    let ascending: Member[];
    if (field === 'NAME') {
      const collator = new Intl.Collator('en');
      ascending = [...everyone].sort((a, b) => collator.compare(a.name, b.name) || byCodeUnits(localId(a.id), localId(b.id)));
    } else if (field === 'EMAIL') {
      ascending = [...everyone].sort((a, b) => byCodeUnits(a.email, b.email) || byCodeUnits(localId(a.id), localId(b.id)));
    } else {
      // Connected users by grant time, then the users without access; ties by (local) id.
      const time = (user: Member) => (user.marketoAccess.grantedAt === null ? Infinity : Date.parse(user.marketoAccess.grantedAt));
      ascending = [...everyone].sort((a, b) => time(a) - time(b) || byCodeUnits(localId(a.id), localId(b.id)));
    }
    const order = ids(ascending);
    expect(order).toHaveLength(ACME_SEEDED_USERS);
    return direction === 'ASC' ? order : order.reverse();
  }

  it('walks the 52 Acme users forward and backward: the same users in the same order, no gaps, no repeats', async () => {
    const forward = await walkForward(team, 20);
    expect(forward).toHaveLength(ACME_SEEDED_USERS);
    expect(new Set(ids(forward)).size).toBe(ACME_SEEDED_USERS);
    expect(ids(forward)).toEqual(await expectedOrder('NAME', 'ASC'));
    expect(ids(await walkBackward(team, 20))).toEqual(ids(forward));
    // Odd page sizes leave a short page at the far end, in both directions.
    expect(ids(await walkBackward(team, 7))).toEqual(ids(forward));
    expect(ids(await walkForward(team, 7))).toEqual(ids(forward));
  });

  it('pages backward from any cursor: the items just before it, in list order, and says what lies around them', async () => {
    const all = (await team({ first: 100 })).edges;
    for (const index of [0, 1, 3, 4, 25, 51]) {
      const page = await team({ last: 3, before: all[index].cursor });
      expect(ids(nodesOf(page))).toEqual(ids(all.slice(Math.max(0, index - 3), index).map((edge) => edge.node)));
      expect(page.pageInfo.hasPreviousPage).toBe(index > 3);
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(page.totalCount).toBe(ACME_SEEDED_USERS);
    }
    const lastThree = await team({ last: 3 });
    expect(ids(nodesOf(lastThree))).toEqual(all.slice(-3).map((edge) => edge.node.id));
    expect(lastThree.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    // Forward from the first item: there is one before it.
    expect((await team({ first: 3, after: all[0].cursor })).pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  for (const field of ['NAME', 'EMAIL', 'GRANTED_AT'] as OrderField[]) {
    for (const direction of ['ASC', 'DESC'] as Direction[]) {
      it(`orders by ${field} ${direction}, forward and backward, ties broken by id`, async () => {
        const orderBy = { field, direction };
        const expected = await expectedOrder(field, direction);
        expect(ids(await walkForward(team, 15, { orderBy }))).toEqual(expected);
        expect(ids(await walkBackward(team, 15, { orderBy }))).toEqual(expected);
      });
    }
  }

  it('orders by NAME ASC by default, and ASC when only the field is given', async () => {
    const byDefault = ids(nodesOf(await team({ first: 100 })));
    expect(ids(nodesOf(await team({ first: 100, orderBy: { field: 'NAME' } })))).toEqual(byDefault);
    expect(ids(nodesOf(await team({ first: 100, orderBy: { field: 'EMAIL' } })))).toEqual(await expectedOrder('EMAIL', 'ASC'));
  });

  it('refuses a cursor of another order, another search, a forged or a tampered one (INVALID_CURSOR)', async () => {
    const byName = await team({ first: 2 });
    const cursor = byName.pageInfo.endCursor!;
    // The cursor does not show the name it stands for.
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain(byName.edges[1].node.name);
    const refused = async (variables: Record<string, unknown>) =>
      expectRequestError(await server().gql(TEAM, variables), 'BAD_USER_INPUT', { reason: 'INVALID_CURSOR', i18nKey: 'errors:request.INVALID_CURSOR' });
    await refused({ first: 2, after: cursor, orderBy: { field: 'EMAIL' } });
    await refused({ first: 2, after: cursor, orderBy: { field: 'NAME', direction: 'DESC' } });
    await refused({ last: 2, before: cursor, orderBy: { field: 'GRANTED_AT' } });
    await refused({ first: 2, after: cursor, search: 'a' });
    const bytes = Buffer.from(cursor, 'base64url');
    bytes[bytes.length - 1] ^= 1;
    await refused({ first: 2, after: bytes.toString('base64url') });
    // The old format: the sort key in clear.
    await refused({ last: 2, before: Buffer.from(JSON.stringify([byName.edges[1].node.name, byName.edges[1].node.id])).toString('base64url') });
    // With its own order and filters, the same cursor goes on.
    expect((await team({ first: 2, after: cursor, orderBy: { field: 'NAME', direction: 'ASC' } })).edges).toHaveLength(2);
  });

  it('refuses first with last (or after with before), with a localized message', async () => {
    for (const variables of [
      { first: 2, last: 2 },
      { first: 2, before: 'x' },
      { last: 2, after: 'x' },
    ]) {
      const error = expectRequestError(await server().gql(TEAM, variables), 'BAD_USER_INPUT', { reason: 'PAGE_DIRECTION_CONFLICT' });
      expect(error.message).toMatch(/first.*last/);
    }
    const swedish = await server().gql(TEAM, { first: 2, last: 2 }, { headers: { 'accept-language': 'sv' } });
    expect(expectRequestError(swedish, 'BAD_USER_INPUT', { reason: 'PAGE_DIRECTION_CONFLICT' }).message).toMatch(/Bläddra/);
    for (const last of [0, 101]) expectRequestError(await server().gql(TEAM, { last }), 'BAD_USER_INPUT', { reason: 'PAGE_SIZE_OUT_OF_RANGE' });
  });
});

describeEachDatabase('pagination and filters of auditEvents', (server) => {
  beforeAll(async () => {
    await grantAtDistinctTimes(server());
    server().clock.advance(MINUTE);
    ok(await server().gql(INVITE, { input: { users: invitees(3, 'Paging Acme') } }));
    ok(await server().gql(INVITE, { input: { users: invitees(2, 'Paging Globex') } }, { token: DEMO_TOKENS.globexAdmin }));
  });
  const audit: Fetch<Event> = async (variables) => ok(await server().gql(AUDIT, variables)).auditEvents;

  it('walks the whole trail forward and backward, newest first', async () => {
    const forward = await walkForward(audit, 4);
    expect(forward.length).toBeGreaterThan(4);
    expect(ids(await walkBackward(audit, 4))).toEqual(ids(forward));
    const newestFirst = [...forward].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || byCodeUnits(localId(b.id), localId(a.id)));
    expect(ids(forward)).toEqual(ids(newestFirst));
  });

  it('filters by action, actor, target and time, in both directions, and counts only what matches', async () => {
    const all = await walkForward(audit, 100);
    const actions = [...new Set(all.map((event) => event.action))] as AuditAction[];
    expect(actions.length).toBeGreaterThan(1);
    const granted = all.find((event) => event.action === 'MARKETO_ACCESS_GRANTED')!;
    const middle = all[Math.floor(all.length / 2)].occurredAt;
    expect(new Set(all.map((event) => event.occurredAt)).size).toBeGreaterThan(2);
    const cases: [Record<string, unknown>, (event: Event) => boolean][] = [
      [{ action: ['MARKETO_ACCESS_GRANTED'] }, (event) => event.action === 'MARKETO_ACCESS_GRANTED'],
      [{ action: actions.slice(0, 2) }, (event) => actions.slice(0, 2).includes(event.action)],
      [{ actorId: granted.actor!.id }, (event) => event.actor?.id === granted.actor!.id],
      [{ targetId: granted.targetId }, (event) => event.targetId === granted.targetId],
      [{ occurredAfter: middle }, (event) => Date.parse(event.occurredAt) >= Date.parse(middle)],
      [{ occurredBefore: middle }, (event) => Date.parse(event.occurredAt) < Date.parse(middle)],
      [{ action: ['MARKETO_ACCESS_GRANTED'], occurredBefore: '2000-01-01T00:00:00.000Z' }, () => false],
    ];
    for (const [filter, matches] of cases) {
      const expected = ids(all.filter(matches));
      expect((await audit({ ...filter, first: 100 })).totalCount).toBe(expected.length);
      expect(ids(await walkForward(audit, 2, filter))).toEqual(expected);
      expect(ids(await walkBackward(audit, 2, filter))).toEqual(expected);
    }
  });

  it("sees only the caller's organization", async () => {
    const globex: { actor_id: string; target_id: string }[] = await server().dataSource.query(
      "SELECT e.actor_id, e.target_id FROM audit_event e JOIN organization o ON o.id = e.organization_id WHERE o.name = 'Globex'",
    );
    expect(globex.length).toBeGreaterThan(0);
    expect((await audit({ first: 10, actorId: globex[0].actor_id })).totalCount).toBe(0);
    expect((await audit({ first: 10, targetId: globex[0].target_id })).totalCount).toBe(0);
  });

  it('refuses a teamAccess cursor, a cursor of other filters, and first with last', async () => {
    const teamCursor = ok(await server().gql(TEAM, { first: 1 })).teamAccess.pageInfo.endCursor;
    expectRequestError(await server().gql(AUDIT, { first: 2, after: teamCursor }), 'BAD_USER_INPUT', { reason: 'INVALID_CURSOR' });
    const auditCursor = (await audit({ first: 1 })).pageInfo.endCursor;
    expectRequestError(await server().gql(TEAM, { first: 2, after: auditCursor }), 'BAD_USER_INPUT', { reason: 'INVALID_CURSOR' });
    expectRequestError(await server().gql(AUDIT, { first: 2, after: auditCursor, action: ['USER_INVITED'] }), 'BAD_USER_INPUT', { reason: 'INVALID_CURSOR' });
    expectRequestError(await server().gql(AUDIT, { last: 2, first: 2 }), 'BAD_USER_INPUT', { reason: 'PAGE_DIRECTION_CONFLICT' });
  });
});
