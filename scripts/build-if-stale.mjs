#!/usr/bin/env node
// Builds the API server and/or the web page only when their sources changed since the last build
// made by this script, so that `npm start` and the tests skip a build that is already current.
//
//   node scripts/build-if-stale.mjs [server] [web] [--force]     (no part named: both)
//
// A part is stale when its output is missing, or when a file among its inputs was added, removed or
// changed since its last successful build: dist/.stamp-<part> records a hash of each input file as
// it was when that build started (contents, not dates: `npm install` rewrites an unchanged
// package-lock.json, and a branch switched back and forth leaves the files as they were).
// The server build first removes the server's previous output, so that a deleted or renamed test
// does not stay behind in dist/test.
// Plain Node, no dependency: it runs before anything is built.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

/** What tsconfig.json compiles (its "include"), so that a folder added there is watched here too. */
function serverSources() {
  try {
    const include = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')).include;
    if (Array.isArray(include) && include.length) return include.map((glob) => glob.replace(/\/\*.*$/, ''));
  } catch {
    // not plain JSON: the folders it had when this was written
  }
  return ['src', 'test', 'bench', 'ormconfig.ts'];
}

/** tsc's output for a source path: dist/<path>, with .ts as .js (and its map). */
const outputsOf = (source) => (source.endsWith('.ts') ? [`dist/${source.slice(0, -3)}.js`, `dist/${source.slice(0, -3)}.js.map`] : [`dist/${source}`]);

const SERVER_SOURCES = serverSources();
const PARTS = {
  server: {
    inputs: [...SERVER_SOURCES, 'locales', 'tsconfig.json', 'package-lock.json'],
    output: 'dist/src/main.js',
    clean: SERVER_SOURCES.flatMap(outputsOf),
    script: 'build:server',
  },
  web: {
    inputs: ['web', 'schema/schema.graphql', 'locales', 'package-lock.json'],
    // GraphQL Code Generator's output: written by the build itself (and by `npm run dev:web`).
    ignore: ['web/src/gql'],
    output: 'dist/web/index.html',
    clean: [],
    script: 'build:web',
    // Vite builds for production unless NODE_ENV says otherwise, and Jest sets it to "test" (which
    // would bundle React's development build): the page is always the production build.
    env: { NODE_ENV: undefined },
  },
};

/** The files among a part's inputs (folders walked), each with a hash of its content. */
function inputFiles(part) {
  const ignore = new Set((part.ignore ?? []).map((path) => join(ROOT, path)));
  const files = {};
  const walk = (path) => {
    if (ignore.has(path)) return;
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else files[relative(ROOT, path)] = createHash('sha1').update(readFileSync(path)).digest('base64');
  };
  for (const input of part.inputs) walk(join(ROOT, input));
  return files;
}

/** Why a part needs building, or null when its last build is current. */
function staleness(name) {
  const part = PARTS[name];
  if (!existsSync(join(ROOT, part.output))) return `${part.output} is missing`;
  let built;
  try {
    built = JSON.parse(readFileSync(join(DIST, `.stamp-${name}`), 'utf8'));
  } catch {
    return 'not built by this script yet';
  }
  const files = inputFiles(part);
  for (const [file, hash] of Object.entries(files)) {
    if (!(file in built)) return `${file} is new`;
    if (built[file] !== hash) return `${file} changed`;
  }
  for (const file of Object.keys(built)) if (!(file in files)) return `${file} was removed`;
  return null;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs `fn` holding dist/.lock-<name> (two test files may ask for the same build at once). */
function withLock(name, fn) {
  mkdirSync(DIST, { recursive: true });
  const lock = join(DIST, `.lock-${name}`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock whose process is gone (killed mid-build) is abandoned.
      let pid = 0;
      try {
        pid = Number(readdirSync(lock)[0]);
      } catch {
        // released meanwhile
      }
      if (pid && !alive(pid)) rmSync(lock, { recursive: true, force: true });
      else sleep(200);
    }
  }
  writeFileSync(join(lock, String(process.pid)), '');
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function build(name, force) {
  return withLock(name, () => {
    const reason = force ? 'forced' : staleness(name);
    if (!reason) return true;
    const part = PARTS[name];
    process.stderr.write(`build-if-stale: building the ${name} (${reason})\n`);
    // The inputs as they are before the build: a file saved during the build makes the next run build again.
    const files = inputFiles(part);
    const stamp = join(DIST, `.stamp-${name}`);
    rmSync(stamp, { force: true });
    for (const path of part.clean) {
      const target = join(ROOT, path);
      // Never the whole of dist/, nor the other part's output.
      const web = join(DIST, 'web');
      if (target.startsWith(`${DIST}/`) && target !== web && !target.startsWith(`${web}/`)) rmSync(target, { recursive: true, force: true });
    }
    const env = { ...process.env, ...part.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const npm = process.env.npm_execpath;
    const result = npm
      ? spawnSync(process.execPath, [npm, 'run', '--silent', part.script], { cwd: ROOT, env, stdio: 'inherit' })
      : spawnSync('npm', ['run', '--silent', part.script], { cwd: ROOT, env, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) {
      process.stderr.write(`build-if-stale: the ${name} build failed\n`);
      return false;
    }
    mkdirSync(DIST, { recursive: true });
    writeFileSync(stamp, `${JSON.stringify(files, null, 1)}\n`);
    return true;
  });
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const names = args.filter((arg) => !arg.startsWith('--'));
for (const name of names) {
  if (!(name in PARTS)) {
    process.stderr.write(`build-if-stale: unknown part "${name}" (server, web)\n`);
    process.exit(2);
  }
}
for (const name of names.length ? names : Object.keys(PARTS)) {
  if (!build(name, force)) process.exit(1);
}
