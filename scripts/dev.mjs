#!/usr/bin/env node
// `npm run dev`: the API server, restarted on every change. `tsc --watch` recompiles src/ (and the
// tests) into dist/, and `node --watch dist/src/main.js` restarts the server when its compiled files
// change. (tsx/esbuild cannot run it: type-graphql needs tsc's emitDecoratorMetadata.) The page is
// built first when it is stale; for the page with hot reload, run `npm run dev:web` beside this.
// Plain Node, no dependency.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');

if (spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs'), 'web'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);

const children = new Set();
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));

function run(args, options) {
  const child = spawn(process.execPath, args, { cwd: ROOT, ...options });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      process.stderr.write(`dev: ${args.join(' ')} exited (${signal ?? code}); stopping\n`);
      stop(code || 1);
    }
  });
  return child;
}

// tsc's first pass compiles everything; the server starts once that pass is written.
const compiler = run([tsc, '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'], { stdio: ['ignore', 'pipe', 'inherit'] });
let server;
let buffer = '';
compiler.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  buffer = (buffer + chunk).slice(-1000);
  // "Found 0 errors. Watching for file changes." (or "Found N errors"): the first pass is done.
  if (!server && !stopping && /Found \d+ errors?\. Watching for file changes/.test(buffer)) {
    server = run(['--watch', join('dist', 'src', 'main.js')], { stdio: 'inherit' });
  }
});
