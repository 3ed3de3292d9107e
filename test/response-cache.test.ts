import { describeEachDatabase } from './support/each-database';
import { connectMarketo, notConnectedUsers } from './support/fixtures';
import { CONNECT, DISCONNECT, INVITE, TEAM_ACCESS } from './support/operations';
import { withoutBucketLevel } from './support/responses';
import { DEMO_TOKENS } from './support/test-server';

/**
 * Repeated reads of an organization's data are answered from memory while the organization's data
 * version is unchanged; every change moves it on, so no answer is ever stale.
 */
describeEachDatabase('the response cache', (server) => {
  const page = { first: 100, search: 'a' };
  const statusOf = async (userId: string, token?: string) => {
    const response = await server().gql(TEAM_ACCESS, { first: 100 }, { token });
    return response.data.teamAccess.edges.find((edge: any) => edge.node.id === userId)?.node.marketoAccess.status;
  };

  it('answers a repeated Team Access page with nothing but the token lookup, byte for byte the same but for its cost, which it pays', async () => {
    await server().gql(TEAM_ACCESS, page);
    // Computed twice before it is kept: an answer read once (most searches) is never stored.
    let first!: Awaited<ReturnType<ReturnType<typeof server>['gql']>>;
    const computed = await server().statements.during(async () => (first = await server().gql(TEAM_ACCESS, page)));
    expect(computed.length).toBeGreaterThan(1);
    const statements = await server().statements.during(async () => {
      const replayed = await server().gql(TEAM_ACCESS, page);
      expect(withoutBucketLevel(replayed)).toEqual(withoutBucketLevel(first));
      // A replay is charged like an execution (README, "Limits"): the actual cost (fewer rows match than the 100 asked for), from this request's bucket.
      const cost = first.extensions!.cost;
      expect(replayed.extensions!.cost.actualQueryCost).toBe(cost.actualQueryCost);
      expect(cost.actualQueryCost).toBeLessThan(cost.requestedQueryCost);
      expect(replayed.extensions!.cost.throttleStatus.currentlyAvailable).toBe(cost.throttleStatus.currentlyAvailable - cost.actualQueryCost);
    });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/FROM api_token/);
  });

  it('shows every change at once: connect, disconnect and invite', async () => {
    const [user] = await notConnectedUsers(server());
    expect(await statusOf(user.id)).toBe('NOT_CONNECTED');
    expect(await statusOf(user.id)).toBe('NOT_CONNECTED'); // now cached
    await server().gql(CONNECT, { input: { assignments: [{ userIds: [user.id] }] } });
    expect(await statusOf(user.id)).toBe('CONNECTED');
    await server().gql(DISCONNECT, { input: { userIds: [user.id] } });
    expect(await statusOf(user.id)).toBe('NOT_CONNECTED');

    const before = await server().gql(TEAM_ACCESS, { first: 1 });
    await server().gql(INVITE, { input: { users: [{ name: 'Cache Newcomer', email: 'cache.newcomer@acme.example' }] } });
    const after = await server().gql(TEAM_ACCESS, { first: 1 });
    expect(after.data.teamAccess.totalCount).toBe(before.data.teamAccess.totalCount + 1);
  });

  it('keeps serving the cached answer after a call that changed nothing (a replay, an unchanged grant)', async () => {
    const [user] = await notConnectedUsers(server());
    const input = { idempotencyKey: 'cache-replay', assignments: [{ userIds: [user.id] }] };
    await server().gql(CONNECT, { input });
    await server().gql(TEAM_ACCESS, page);
    await server().gql(TEAM_ACCESS, page); // kept from its second computation on
    await server().gql(CONNECT, { input }); // replayed
    await server().gql(CONNECT, { input: { assignments: [{ userIds: [user.id] }] } }); // unchanged
    const statements = await server().statements.during(() => server().gql(TEAM_ACCESS, page));
    expect(statements).toHaveLength(1);
  });

  it('keeps each caller and each organization to its own answers', async () => {
    const acme = await server().gql(TEAM_ACCESS, page);
    const globex = await server().gql(TEAM_ACCESS, page, { token: DEMO_TOKENS.globexAdmin });
    expect(globex.data.teamAccess.edges.every((edge: any) => edge.node.email.endsWith('@globex.example'))).toBe(true);
    expect(acme.data.teamAccess.edges.every((edge: any) => edge.node.email.endsWith('@acme.example'))).toBe(true);
    const anonymous = await server().gql(TEAM_ACCESS, page, { token: null });
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('never caches what depends on the clock: the R2 countdown moves on', async () => {
    const query = '{ marketoConnection { ready retryAfterSeconds } }';
    await connectMarketo(server(), DEMO_TOKENS.globexAdmin, { workspacesEnabled: false });
    const before = await server().gql(query, {}, { token: DEMO_TOKENS.globexAdmin });
    server().clock.advance(120_000);
    const after = await server().gql(query, {}, { token: DEMO_TOKENS.globexAdmin });
    expect(before.data.marketoConnection.retryAfterSeconds - after.data.marketoConnection.retryAfterSeconds).toBe(120);
  });
});
