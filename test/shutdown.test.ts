import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { invitees } from './support/fixtures';
import { CONNECT, INVITE, TEAM_ACCESS } from './support/operations';
import { post, startServerProcess } from './support/server-process';

/** A POST whose body the test sends itself, and the response text. */
function openRequest(url: string, length: number): { request: ClientRequest; response: Promise<string> } {
  let request!: ClientRequest;
  const response = new Promise<string>((resolve, reject) => {
    request = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': length, authorization: 'Bearer demo-admin-token' } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(text));
      },
    );
    request.on('error', reject);
  });
  return { request, response };
}

// The process as `npm start` runs it, on the embedded SQLite default with the demo seed.
describe('graceful shutdown and restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marketo-shutdown-'));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'app.sqlite')}`, SEED_DEMO: '1' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finishes in-flight requests on SIGTERM, then refuses new ones, and a restart keeps every committed grant', async () => {
    const first = await startServerProcess(env);
    const invited = await post(first.url, INVITE, { input: { users: invitees(1000, 'Shutdown') } });
    const userIds = invited.data.inviteUsers.results.map((result: any) => result.user.id);

    // A request in flight: its body is only half sent when the signal comes.
    const body = JSON.stringify({ query: CONNECT, variables: { input: { assignments: [{ userIds }] } } });
    const { request, response } = openRequest(`${first.url}/graphql`, Buffer.byteLength(body));
    request.write(body.slice(0, 100));
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.process.kill('SIGTERM');
    while (!first.logs.some((line) => line.msg === 'shutting down')) await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(fetch(`${first.url}/health`)).rejects.toThrow();
    request.end(body.slice(100));
    const connected = JSON.parse(await response);
    expect(connected.data.connectMarketoUsers.connectedCount).toBe(1000);
    expect(await first.exited).toBe(0);
    const messages = first.logs.map((line) => (line.msg === 'graphql operation' ? `operation ${line.operationName}` : line.msg));
    expect(messages.indexOf('operation Connect')).toBeGreaterThan(messages.indexOf('shutting down'));

    const second = await startServerProcess(env);
    try {
      const page = await post(second.url, TEAM_ACCESS, { first: 1, search: 'shutdown', status: 'CONNECTED' });
      expect(page.data.teamAccess.totalCount).toBe(1000);
      expect(second.logs.map((line) => line.msg).join('\n')).not.toContain('seeded the demo');
    } finally {
      second.process.kill('SIGTERM');
      await second.exited;
    }
  });
});
