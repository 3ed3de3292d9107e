import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';

const run = promisify(execFile);

/** The project's cluster start-up and HAProxy config (README, "Running on a Galera cluster"). */
export const GALERA_DEPLOY_DIR = join(__dirname, '..', '..', '..', 'deploy', 'galera');

/** HAProxy's writer address (deploy/galera/haproxy.cfg). */
export const HAPROXY_PORT = 3310;

const REQUIRED = ['/usr/lib/galera/libgalera_smm.so', '/usr/sbin/mariadbd', '/usr/sbin/haproxy', '/usr/bin/rsync', '/usr/bin/socat'];

export function galeraInstalled(): boolean {
  return REQUIRED.every((path) => existsSync(path));
}

/**
 * A suite on a real Galera cluster: it runs where Debian's galera-4, mariadb-server, rsync, socat and
 * haproxy are installed, and always in CI (where anything missing fails it: .ci/run installs them);
 * elsewhere it is skipped with a visible SKIPPED line.
 */
export function describeOnGalera(title: string, suite: () => void): void {
  if (galeraInstalled() || process.env.CI === 'true') {
    describe(title, suite);
    return;
  }
  const missing = REQUIRED.filter((path) => !existsSync(path)).join(', ');
  describe.skip(`${title} — SKIPPED: ${missing} not installed (apt-get install mariadb-server galera-4 rsync socat haproxy)`, () => {
    it('runs on a Galera cluster', () => undefined);
  });
}

/** The 3-node cluster of deploy/galera/cluster.sh on 127.0.0.1, in its own data directory, plus HAProxy. */
export class GaleraCluster {
  private haproxy: ChildProcess | undefined;
  private haproxyExited: Promise<unknown> = Promise.resolve();

  constructor(readonly base = `/tmp/galera-test-${process.pid}`) {}

  up = () => this.script('up');
  down = () => this.script('down');
  kill = (node: number) => this.script('kill', String(node));
  /** Restarts crashed nodes (position recovered, rejoined by IST) and waits until they are Synced. */
  start = (...nodes: number[]) => this.script('start', ...nodes.map(String));

  /** The URL of node N's SQL port (or HAProxy's, node 0), for the API's DATABASE_URL. */
  url(node: number, database = ''): string {
    return `mysql://app:app@127.0.0.1:${node === 0 ? HAPROXY_PORT : 3310 + node}/${database}`;
  }

  /** One statement on node N, on a connection of its own. */
  async query(node: number, sql: string, params: unknown[] = [], database = ''): Promise<any[]> {
    const connection = await createConnection(this.url(node, database));
    try {
      const [rows] = await connection.query(sql, params);
      return rows as any[];
    } finally {
      await connection.end();
    }
  }

  /** Node N's error log from byte `from` on (what a restart wrote, with `logSize` taken before it). */
  errorLog(node: number, from = 0): string {
    return readFileSync(join(this.base, `node${node}`, 'error.log'))
      .subarray(from)
      .toString();
  }

  logSize(node: number): number {
    return statSync(join(this.base, `node${node}`, 'error.log')).size;
  }

  /** HAProxy in the foreground with deploy/galera/haproxy.cfg; resolves once it routes to a node. */
  async startHaproxy(): Promise<void> {
    const child = spawn('/usr/sbin/haproxy', ['-db', '-f', join(GALERA_DEPLOY_DIR, 'haproxy.cfg')], {
      env: { ...process.env, GALERA_DEPLOY_DIR },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.haproxy = child;
    this.haproxyExited = new Promise((resolve) => child.once('exit', resolve));
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`haproxy: ${chunk}`));
    await waitFor(async () => (await this.query(0, 'SELECT @@wsrep_node_name AS node'))[0].node === 'node1', 20_000);
  }

  async stopHaproxy(): Promise<void> {
    if (!this.haproxy || this.haproxy.exitCode !== null) return;
    this.haproxy.kill('SIGTERM');
    await this.haproxyExited;
  }

  private async script(...args: string[]): Promise<void> {
    try {
      await run(join(GALERA_DEPLOY_DIR, 'cluster.sh'), args, { env: { ...process.env, GALERA_BASE: this.base }, timeout: 180_000 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`cluster.sh ${args.join(' ')} failed:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
    }
  }
}

/** Polls `condition` (errors count as false) until it holds; fails after `timeoutMs`. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
