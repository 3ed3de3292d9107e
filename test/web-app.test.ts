import { request } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { withSqliteServer } from './support/each-database';

/** A stand-in for Vite's output: an index page and a content-hashed, compressible script. */
function fakeWebBuild(): { dir: string; script: string } {
  const dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dir, 'assets'));
  const script = `console.log(${JSON.stringify('x'.repeat(5000))});\n`;
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), script);
  return { dir, script };
}

describe('the web UI', () => {
  const build = fakeWebBuild();
  const server = withSqliteServer({ webDist: build.dir, demo: true });

  it('serves index.html at / with a strict content security policy, revalidated on every load', async () => {
    const response = await fetch(`${server().url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('serves hashed assets as immutable, gzipped for clients that accept it, and 304 on a matching ETag', async () => {
    const url = `${server().url}/assets/index-abc123.js`;
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(build.script);

    // undici's fetch would decompress; a raw request shows what travels.
    const gzipped = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(url, { headers: { 'accept-encoding': 'gzip, br' } }, (response) => {
        const chunks: Buffer[] = [];
        response
          .on('data', (chunk) => chunks.push(chunk))
          .on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(gzipped.encoding).toBe('gzip');
    expect(gzipped.body.length).toBeLessThan(build.script.length / 10);
    expect(gunzipSync(gzipped.body).toString()).toBe(build.script);

    const again = await fetch(url, { headers: { 'if-none-match': plain.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('answers 404 for files the build does not have', async () => {
    expect((await fetch(`${server().url}/assets/missing.js`)).status).toBe(404);
  });

  it('offers the demo accounts in demo mode, tokens that sign in', async () => {
    const response = await fetch(`${server().url}/demo.json`);
    const { accounts } = (await response.json()) as { accounts: { organization: string; role: string; token: string }[] };
    expect(accounts.map((account) => `${account.organization} ${account.role}`)).toEqual(['Acme ADMIN', 'Acme MEMBER', 'Globex ADMIN']);
    for (const account of accounts) {
      const viewer = await server().gql('{ viewer { role } }', {}, { token: account.token });
      expect(viewer.data.viewer.role).toBe(account.role);
    }
  });
});

describe('the web UI without a build, and without demo data', () => {
  const server = withSqliteServer({ webDist: join(tmpdir(), 'no-such-web-build') });

  it('explains at / how to build the page', async () => {
    const response = await fetch(`${server().url}/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build');
  });

  it('does not publish any token', async () => {
    expect((await fetch(`${server().url}/demo.json`)).status).toBe(404);
  });
});
