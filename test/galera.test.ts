import { createConnection } from 'mysql2/promise';
import { invitees } from './support/fixtures';
import { describeOnGalera, GaleraCluster, waitFor } from './support/galera-cluster';
import { localId } from './support/ids';
import { CONNECT, DISCONNECT, INVITE, TEAM_ACCESS } from './support/operations';
import { startServerProcess, type ServerProcess } from './support/server-process';

const DATABASE = 'marketo_access';
const NODES = [1, 2, 3];

interface Answer {
  status: number;
  data?: any;
  errors?: { message: string; extensions?: { code?: string; retryable?: boolean } }[];
}

/** A GraphQL call as a client makes it, with the HTTP status. */
async function call(api: ServerProcess, query: string, variables: Record<string, unknown> = {}, token = 'demo-admin-token'): Promise<Answer> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

/** What a client reports as failed: every error, as "HTTP status code message". */
function failures(answers: Answer[]): string[] {
  return answers.flatMap((answer) => (answer.errors ?? []).map((error) => `${answer.status} ${error.extensions?.code} ${error.message}`));
}

/** How a call ended, for the log: "200" or the HTTP status and error codes. */
const outcome = (answer: Answer) =>
  answer.errors ? `${answer.status} ${answer.errors.map((error) => error.extensions?.code).join(', ')}` : String(answer.status);

const retryable = (answer: Answer) => !!answer.errors?.length && answer.errors.every((error) => error.extensions?.retryable === true);

/**
 * The documented client contract for a failed write: an answer whose errors are all retryable is sent
 * again, unchanged (same idempotency key), after a pause. Returns every answer, the last one final.
 */
async function callUntilDone(api: () => ServerProcess, query: string, variables: Record<string, unknown>): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const answer = await call(api(), query, variables);
    answers.push(answer);
    if (!retryable(answer)) return answers;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return answers;
}

async function readiness(api: ServerProcess): Promise<{ status: number; reason?: string }> {
  const response = await fetch(`${api.url}/ready`);
  return { status: response.status, reason: ((await response.json()) as { reason?: string }).reason };
}

describeOnGalera('the API on a 3-node MariaDB Galera cluster (deploy/galera)', () => {
  const cluster = new GaleraCluster();
  /** One API process per node: apis[0] on node 1, and so on. */
  let apis: (ServerProcess | undefined)[] = [];
  let behindHaproxy: ServerProcess | undefined;
  const api = (node: number) => apis[node - 1]!;
  const sql = (node: number, statement: string, params: unknown[] = []) => cluster.query(node, statement, params, DATABASE);
  /** A count on one node, as a causal read: after everything committed anywhere in the cluster before it. */
  const count = async (node: number, statement: string, params: unknown[] = []) =>
    Number((await sql(node, `SET STATEMENT wsrep_sync_wait = 1 FOR ${statement}`, params))[0].n);
  const inList = (ids: string[]) => `(${ids.map(() => '?').join(',')})`;

  /** The API processes a scenario needs, started one by one if the start-up scenario left any out. */
  async function ensureApis(): Promise<void> {
    for (const node of NODES) apis[node - 1] ??= await startServerProcess({ DATABASE_URL: cluster.url(node, DATABASE), SEED_DEMO: '1' });
  }

  async function invite(count: number, prefix: string): Promise<string[]> {
    const answer = await call(api(1), INVITE, { input: { users: invitees(count, prefix) } });
    expect(failures([answer])).toEqual([]);
    return answer.data.inviteUsers.results.map((result: any) => result.user.id);
  }

  const grantsOf = (node: number, userIds: string[]) =>
    count(node, `SELECT COUNT(*) AS n FROM marketo_access_grant WHERE user_id IN ${inList(userIds)}`, userIds.map(localId));
  /** The Marketo access of the one user a search finds, as the Team Access page through one node shows it. */
  const accessStatusThrough = async (node: number, search: string) => {
    const answer = await call(api(node), TEAM_ACCESS, { first: 5, search });
    expect(failures([answer])).toEqual([]);
    return answer.data.teamAccess.edges[0].node.marketoAccess.status as string;
  };
  const auditsOf = (node: number, action: string, userIds: string[]) =>
    count(node, `SELECT COUNT(*) AS n FROM audit_event WHERE action = ? AND target_id IN ${inList(userIds)}`, [action, ...userIds.map(localId)]);

  beforeAll(async () => {
    await cluster.up();
    await cluster.query(1, `CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }, 120_000);

  afterAll(async () => {
    const processes = [...apis, behindHaproxy].filter((process): process is ServerProcess => !!process && process.process.exitCode === null);
    for (const process of processes) process.process.kill('SIGTERM');
    await Promise.all(processes.map((process) => process.exited));
    await cluster.stopHaproxy();
    await cluster.down();
  }, 120_000);

  it('starts three API processes together on the empty database, one per node: all migrate it once and seed it once', async () => {
    const started = await Promise.allSettled(NODES.map((node) => startServerProcess({ DATABASE_URL: cluster.url(node, DATABASE), SEED_DEMO: '1' })));
    apis = started.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
    expect(started.map((result) => (result.status === 'fulfilled' ? 'started' : String(result.reason)))).toEqual(['started', 'started', 'started']);
    const migrations = (await sql(2, 'SELECT COUNT(*) AS n, COUNT(DISTINCT name) AS names FROM schema_migrations'))[0];
    expect(Number(migrations.n)).toBe(Number(migrations.names));
    expect((await sql(3, 'SELECT name FROM organization ORDER BY name')).map((row) => row.name)).toEqual(['Acme', 'Globex']);
    for (const process of apis) expect(process!.logs.some((entry) => /MariaDB Galera node/.test(entry.msg ?? ''))).toBe(true);
  });

  it('ends 60 identical concurrent connects through the 3 nodes, with and without an idempotency key, with exact counts and no error', async () => {
    await ensureApis();
    const userIds = await invite(20, 'Galera same');
    const unkeyed = await Promise.all(Array.from({ length: 60 }, (_, i) => call(api(NODES[i % 3]), CONNECT, { input: { assignments: [{ userIds }] } })));
    expect(failures(unkeyed)).toEqual([]);
    const sum = (field: string) => unkeyed.reduce((total, answer) => total + answer.data.connectMarketoUsers[field], 0);
    expect([sum('connectedCount'), sum('unchangedCount')]).toEqual([20, 59 * 20]);

    const keyedUserIds = await invite(20, 'Galera keyed');
    const input = { idempotencyKey: 'galera-identical', assignments: [{ userIds: keyedUserIds }] };
    const keyed = await Promise.all(Array.from({ length: 60 }, (_, i) => call(api(NODES[i % 3]), CONNECT, { input })));
    expect(failures(keyed)).toEqual([]);
    expect(keyed.filter((answer) => !answer.data.connectMarketoUsers.replayed)).toHaveLength(1);
    for (const answer of keyed) expect(answer.data.connectMarketoUsers.connectedCount).toBe(20);

    for (const node of NODES) {
      expect(await grantsOf(node, [...userIds, ...keyedUserIds])).toBe(40);
      expect(await auditsOf(node, 'MARKETO_ACCESS_GRANTED', [...userIds, ...keyedUserIds])).toBe(40);
    }
  });

  it('keeps grants and the audit trail consistent when 60 connects and disconnects of the same users race through the 3 nodes, with no error', async () => {
    await ensureApis();
    const userIds = await invite(10, 'Galera overlap');
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 2 === 0 ? call(api(NODES[i % 3]), CONNECT, { input: { assignments: [{ userIds }] } }) : call(api(NODES[i % 3]), DISCONNECT, { input: { userIds } }),
      ),
    );
    expect(failures(answers)).toEqual([]);
    const reported = answers.reduce(
      (sum, answer) => sum + (answer.data.connectMarketoUsers?.connectedCount ?? 0) - (answer.data.disconnectMarketoUsers?.disconnectedCount ?? 0),
      0,
    );
    const granted = await auditsOf(2, 'MARKETO_ACCESS_GRANTED', userIds);
    const revoked = await auditsOf(2, 'MARKETO_ACCESS_REVOKED', userIds);
    // Every grant and revoke that happened is recorded once, and what is left agrees with both.
    expect(await grantsOf(2, userIds)).toBe(reported);
    expect(granted - revoked).toBe(reported);
  });

  it('connects 150 different users of one organization concurrently through the 3 nodes, each once, with no error', async () => {
    await ensureApis();
    const userIds = await invite(150, 'Galera disjoint');
    const answers = await Promise.all(userIds.map((userId, i) => call(api(NODES[i % 3]), CONNECT, { input: { assignments: [{ userIds: [userId] }] } })));
    expect(failures(answers)).toEqual([]);
    expect(answers.reduce((sum, answer) => sum + answer.data.connectMarketoUsers.connectedCount, 0)).toBe(150);
    for (const node of NODES) {
      expect(await grantsOf(node, userIds)).toBe(150);
      expect(await auditsOf(node, 'MARKETO_ACCESS_GRANTED', userIds)).toBe(150);
    }
  });

  it('never shows a stale page through one node right after a write through another, in 100 rounds, though the old page was cached there', async () => {
    await ensureApis();
    const [userId] = await invite(1, 'Galera fresh');
    const statusThrough = (node: number) => accessStatusThrough(node, 'galera fresh');
    // Another organization's bulk invitations meanwhile keep every node's replication applier busy.
    let rounds = 0;
    const load = (async () => {
      for (let batch = 0; rounds < 100; batch += 1) {
        const answer = await call(api(NODES[batch % 3]), INVITE, { input: { users: invitees(100, `Galera load ${batch}`) } }, 'demo-globex-admin-token');
        expect(failures([answer])).toEqual([]);
      }
    })();
    const stale: string[] = [];
    for (let round = 0; round < 100; round += 1, rounds = round) {
      const writer = NODES[round % 3];
      const reader = NODES[(round + 1) % 3];
      await statusThrough(reader); // the reader's answer before the write, now in its response cache
      const connect = round % 2 === 0;
      const written = connect
        ? await call(api(writer), CONNECT, { input: { assignments: [{ userIds: [userId] }] } })
        : await call(api(writer), DISCONNECT, { input: { userIds: [userId] } });
      expect(failures([written])).toEqual([]);
      const expected = connect ? 'CONNECTED' : 'NOT_CONNECTED';
      const seen = await statusThrough(reader);
      if (seen !== expected) stale.push(`round ${round}: node ${reader} showed ${seen} after node ${writer} wrote ${expected}`);
    }
    rounds = 100;
    await load;
    expect(stale).toEqual([]);
  });

  it('waits for a lagging node: a page read through it after a write elsewhere shows the write, not its cached old page', async () => {
    await ensureApis();
    const [userId] = await invite(1, 'Galera lagging');
    const statusThrough = (node: number) => accessStatusThrough(node, 'galera lagging');
    for (const [writer, reader] of [
      [1, 2],
      [2, 3],
      [3, 1],
    ]) {
      const connect = writer !== 2;
      expect(await statusThrough(reader)).toBe(connect ? 'NOT_CONNECTED' : 'CONNECTED'); // cached on the reader
      // The reader's node stops applying replicated writes while this lock is held (its own reads still run).
      const lag = await createConnection(cluster.url(reader));
      await lag.query('FLUSH TABLES WITH READ LOCK');
      try {
        const written = connect
          ? await call(api(writer), CONNECT, { input: { assignments: [{ userIds: [userId] }] } })
          : await call(api(writer), DISCONNECT, { input: { userIds: [userId] } });
        expect(failures([written])).toEqual([]);
        const reading = statusThrough(reader);
        // The causal read waits for the node to apply the write; without it the page comes at once, stale.
        await new Promise((resolve) => setTimeout(resolve, 500));
        await lag.query('UNLOCK TABLES');
        expect(await reading).toBe(connect ? 'CONNECTED' : 'NOT_CONNECTED');
      } finally {
        await lag.end();
      }
    }
  });

  it('survives a SIGKILL of a node during a 1000-user write: no 500, the retry elsewhere writes once, the node rejoins by IST with equal checksums', async () => {
    await ensureApis();
    const userIds = await invite(1000, 'Galera crash');
    const input = { idempotencyKey: 'galera-crash', assignments: [{ userIds }] };
    const during = call(api(2), CONNECT, { input });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await cluster.kill(2);
    const first = await during;
    console.log(`[galera.test] node 2 SIGKILLed during a 1000-user connect: its client got ${outcome(first)}`);
    // Finished before the kill, or failed with a retryable answer: never a 500.
    expect(first.status === 200 && !first.errors ? 'done' : retryable(first) ? 'retryable' : failures([first]).join('; ')).toMatch(/^(done|retryable)$/);
    expect(await readiness(api(2))).toEqual({ status: 503, reason: 'database_unreachable' });
    const retried = await callUntilDone(() => api(1), CONNECT, { input });
    expect(failures(retried)).toEqual([]);
    expect(await grantsOf(1, userIds)).toBe(1000);
    expect(await auditsOf(1, 'MARKETO_ACCESS_GRANTED', userIds)).toBe(1000);
    expect(await count(1, "SELECT COUNT(*) AS n FROM idempotency_record WHERE idempotency_key = 'galera-crash'")).toBe(1);

    const logFrom = cluster.logSize(2);
    await cluster.start(2);
    const restartLog = cluster.errorLog(2, logFrom);
    expect(restartLog).toMatch(/Receiving IST/);
    expect(restartLog).not.toMatch(/rsync SST completed/);
    await waitFor(async () => (await readiness(api(2))).status === 200, 20_000, 'node 2 API ready');
    expect(failures([await call(api(2), TEAM_ACCESS, { first: 1 })])).toEqual([]);
    expect(await checksums(2)).toEqual(await checksums(1));
    expect(await checksums(3)).toEqual(await checksums(1));
  }, 120_000);

  /** CHECKSUM TABLE of every table, after a causal read (the node has applied everything committed). */
  async function checksums(node: number): Promise<Record<string, string>> {
    const tables = (
      await sql(
        node,
        'SET STATEMENT wsrep_sync_wait = 1 FOR SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name',
      )
    ).map((row) => row.name as string);
    const rows = await sql(node, `CHECKSUM TABLE ${tables.map((table) => `\`${table}\``).join(', ')}`);
    return Object.fromEntries(rows.map((row) => [row.Table, String(row.Checksum)]));
  }

  it('answers /ready 503 and requests with a retryable 503 when its node loses quorum, and recovers when the nodes are back', async () => {
    await ensureApis();
    await cluster.kill(2);
    await cluster.kill(3);
    await waitFor(async () => (await readiness(api(1))).status === 503, 30_000, 'node 1 API not ready');
    expect(await readiness(api(1))).toEqual({ status: 503, reason: 'galera_not_primary' });
    const refused = await call(api(1), TEAM_ACCESS, { first: 1 });
    expect([refused.status, retryable(refused)]).toEqual([503, true]);

    await cluster.start(2, 3);
    for (const node of NODES) await waitFor(async () => (await readiness(api(node))).status === 200, 30_000, `node ${node} API ready`);
    const userIds = await invite(3, 'Galera quorum');
    const answers = await Promise.all(NODES.map((node, i) => call(api(node), CONNECT, { input: { assignments: [{ userIds: [userIds[i]] }] } })));
    expect(failures(answers)).toEqual([]);
    expect(await grantsOf(3, userIds)).toBe(3);
  }, 120_000);

  it('behind HAProxy: the writer node killed during a 1000-user write, the client retry with the same key through HAProxy writes exactly once', async () => {
    await ensureApis();
    await cluster.startHaproxy();
    behindHaproxy = await startServerProcess({ DATABASE_URL: cluster.url(0, DATABASE) });
    const userIds = await invite(1000, 'Galera failover');
    const input = { idempotencyKey: 'galera-failover', assignments: [{ userIds }] };
    const during = call(behindHaproxy, CONNECT, { input });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await cluster.kill(1);
    const answers = [await during];
    console.log(`[galera.test] writer node 1 SIGKILLed during a 1000-user connect behind HAProxy: the client got ${outcome(answers[0])}`);
    if (retryable(answers[0])) answers.push(...(await callUntilDone(() => behindHaproxy!, CONNECT, { input })));
    expect(failures(answers.slice(-1))).toEqual([]);
    expect(answers.filter((answer) => !retryable(answer) && answer.errors)).toEqual([]);
    expect(await grantsOf(2, userIds)).toBe(1000);
    expect(await auditsOf(3, 'MARKETO_ACCESS_GRANTED', userIds)).toBe(1000);
    expect(await count(2, "SELECT COUNT(*) AS n FROM idempotency_record WHERE idempotency_key = 'galera-failover'")).toBe(1);
    expect((await cluster.query(0, 'SELECT @@wsrep_node_name AS node'))[0].node).toBe('node2');
    await cluster.start(1);
  }, 120_000);
});
