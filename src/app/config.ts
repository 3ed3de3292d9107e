import { DEFAULT_RETRY_POLICY } from '../db/database';
/** Environment, read and validated once at start-up. */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Seed the demo organizations into an empty database (default when no DATABASE_URL is set). */
  seedDemo: boolean;
  production: boolean;
  /** The built web UI (Vite's output); default dist/web. */
  webDist: string | undefined;
  /** pino level: fatal, error, warn, info (default), debug, trace or silent. */
  logLevel: string;
  /**
   * Seals page cursors (CURSOR_SECRET). Set it when several replicas serve one API, or cursors should
   * survive a restart; without it each process makes its own.
   */
  cursorSecret: string | undefined;
  /** Origins whose pages may call /graphql and /locales (CORS_ORIGINS, comma-separated); `*` (any) when unset. */
  corsOrigins: '*' | string[];
  /** Each token's (or anonymous IP's) leaky bucket of query-cost points: RATE_LIMIT_POINTS (default 2000), RATE_LIMIT_REFILL_PER_SECOND (default 100). */
  rateLimit: { points: number; refillPerSecond: number };
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (TRUST_PROXY, Fastify's trustProxy):
   * unset → none (the socket's peer is the client); `true` → any; else a comma-separated list of addresses or CIDR ranges (`127.0.0.1,10.0.0.0/8`).
   */
  trustProxy: boolean | string[];
  /**
   * Requests one client address may send a minute to the routes Fastify serves (HTTP_RATE_LIMIT_PER_MINUTE,
   * default 3000); 0 turns the limit off, for a proxy in front that limits already.
   */
  httpRateLimit: { perMinute: number } | undefined;
  /**
   * How long a write transaction that keeps losing conflicts (deadlocks, cluster certification
   * failures) is retried before the caller gets CONFLICT_RETRY (WRITE_RETRY_BUDGET_MS, default 5000).
   */
  writeRetryBudgetMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    seedDemo: env.SEED_DEMO !== undefined ? env.SEED_DEMO === '1' : databaseUrl === undefined,
    production: env.NODE_ENV === 'production',
    webDist: env.WEB_DIST?.trim() || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    cursorSecret: env.CURSOR_SECRET?.trim() || undefined,
    corsOrigins: parseCorsOrigins(env.CORS_ORIGINS),
    rateLimit: { points: positiveNumber(env, 'RATE_LIMIT_POINTS', 2000), refillPerSecond: positiveNumber(env, 'RATE_LIMIT_REFILL_PER_SECOND', 100) },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    httpRateLimit: parseHttpRateLimit(env.HTTP_RATE_LIMIT_PER_MINUTE),
    writeRetryBudgetMs: positiveNumber(env, 'WRITE_RETRY_BUDGET_MS', DEFAULT_RETRY_POLICY.budgetMs),
  };
}

function parseHttpRateLimit(value: string | undefined): { perMinute: number } | undefined {
  const perMinute = Number(value?.trim() || 3000);
  if (!Number.isInteger(perMinute) || perMinute < 0) throw new Error(`HTTP_RATE_LIMIT_PER_MINUTE must be a whole number (0 for no limit), got "${value}"`);
  return perMinute === 0 ? undefined : { perMinute };
}

function parseTrustProxy(value: string | undefined): boolean | string[] {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '' || trimmed === 'false') return false;
  if (trimmed === 'true') return true;
  const proxies = trimmed.split(',').map((proxy) => proxy.trim());
  for (const proxy of proxies) {
    // Addresses and CIDR ranges, IPv4 or IPv6: anything else would silently trust no one.
    if (!/^[\da-fA-F.:]+(\/\d{1,3})?$/.test(proxy)) throw new Error(`TRUST_PROXY must be true or addresses/CIDR ranges, got "${proxy}"`);
  }
  return proxies;
}

/** `https://a.example, https://b.example` → the list; unset, empty or `*` → any origin. */
function parseCorsOrigins(value: string | undefined): '*' | string[] {
  const origins = (value ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  if (origins.length === 0 || origins.includes('*')) return '*';
  for (const origin of origins) {
    // A browser's Origin header is scheme://host[:port], nothing more: anything else would never match.
    if (!/^https?:\/\/[^/?#\s]+$/.test(origin)) throw new Error(`CORS_ORIGINS must list origins like https://app.example.com, got "${origin}"`);
  }
  return origins;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${env[name]}"`);
  return value;
}
