import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { etagMatches } from './etag';

/** Where `npm run build` writes the web UI (Vite's outDir), seen from dist/src/http/. */
export const DEFAULT_WEB_DIST = join(__dirname, '..', '..', 'web');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The page may load only its own scripts and talk only to this server; the help article's HTML is
 * rendered into it, so no inline script may ever run.
 */
const PAGE_SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

interface WebFile {
  body: Buffer;
  gzipped: Buffer | undefined;
  etag: string;
  contentType: string;
  cacheControl: string;
}

/**
 * Serves the built web UI from memory: `/` is its index.html (revalidated on every load), Vite's
 * content-hashed `/assets/*` are immutable. Every file is read, hashed and gzipped once at start-up.
 * Without a build, `/` explains how to make one.
 */
export function registerWebAppRoutes(app: FastifyInstance, webDist: string): void {
  if (!existsSync(join(webDist, 'index.html'))) {
    app.log.warn({ webDist }, 'no web UI build found; run `npm run build`');
    app.get('/', async (_request, reply) => reply.code(404).type('text/plain; charset=utf-8').send('The web UI is not built: run `npm run build`.\n'));
    return;
  }
  for (const [path, file] of loadFiles(webDist)) {
    const handler = async (request: FastifyRequest, reply: FastifyReply) => sendFile(request, reply, file);
    app.get(path === '/index.html' ? '/' : path, handler);
  }
}

function loadFiles(root: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  for (const absolute of walk(root)) {
    const path = '/' + relative(root, absolute).split(sep).join('/');
    const body = readFileSync(absolute);
    const contentType = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
    const compressible = /^(text\/|application\/json|image\/svg)/.test(contentType) && body.length > 1024;
    files.set(path, {
      body,
      gzipped: compressible ? gzipSync(body, { level: 9 }) : undefined,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      contentType,
      cacheControl: path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }
  return files;
}

function* walk(directory: string): Generator<string> {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

function sendFile(request: FastifyRequest, reply: FastifyReply, file: WebFile) {
  reply.header('etag', file.etag).header('cache-control', file.cacheControl).header('vary', 'accept-encoding');
  if (file.contentType.startsWith('text/html')) reply.headers(PAGE_SECURITY_HEADERS);
  if (etagMatches(request.headers['if-none-match'], file.etag)) return reply.code(304).send();
  reply.type(file.contentType);
  if (file.gzipped && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    return reply.header('content-encoding', 'gzip').send(file.gzipped);
  }
  return reply.send(file.body);
}

/** Demo mode only: who the demo tokens sign in as, so the sign-in form can offer them. */
export function registerDemoAccountsRoute(app: FastifyInstance, accounts: readonly object[]): void {
  app.get('/demo.json', async (_request, reply) => reply.header('cache-control', 'no-store').send({ accounts }));
}
