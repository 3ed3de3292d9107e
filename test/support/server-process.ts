import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The real server (`node dist/src/main.js`) as a separate process, as production runs it. */
export interface ServerProcess {
  url: string;
  process: ChildProcess;
  /** Every log line the process wrote, parsed. */
  logs: Record<string, any>[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const main = join(__dirname, '..', '..', 'src', 'main.js');
  // A bucket no suite empties (rate-limit.test.ts tests the limit), unless a suite sets its own.
  const unthrottled = { RATE_LIMIT_POINTS: '1000000000', RATE_LIMIT_REFILL_PER_SECOND: '1000000' };
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...unthrottled, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, any>[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        try {
          const entry = JSON.parse(line);
          logs.push(entry);
          const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(entry.msg ?? '');
          if (listening) resolve(listening[1]);
        } catch {
          // not a log line
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening`)));
    setTimeout(() => reject(new Error('server did not start within 30 s')), 30_000).unref();
  });
  return { url, process: child, logs, exited };
}

/** POSTs a GraphQL operation to a server process. */
export async function post(url: string, query: string, variables: Record<string, unknown> = {}, token = 'demo-admin-token') {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}
