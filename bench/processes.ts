import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

export interface Running {
  url: string;
  child: ChildProcess;
}

/** Starts a compiled script as a child process on a free port and waits until it answers. */
export async function startProcess(script: string, env: Record<string, string>, nodeArguments: string[] = []): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArguments, script], {
    // The bench measures throughput from one token and one address: the rate limits (2 000 points, 100 a second;
    // 3 000 requests a minute per address) would turn it into 429s. A scenario that measures them sets its own.
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      RATE_LIMIT_POINTS: '1000000000',
      RATE_LIMIT_REFILL_PER_SECOND: '1000000',
      HTTP_RATE_LIMIT_PER_MINUTE: '0',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    try {
      await fetch(`${url}/health`);
      return { url, child };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${script} did not start`);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function stop(running: Running): Promise<void> {
  const exited = new Promise((resolve) => running.child.once('exit', resolve));
  running.child.kill('SIGTERM');
  await exited;
}
