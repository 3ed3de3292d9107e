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
  /** Each token's (or anonymous IP's) leaky bucket of query-cost points: RATE_LIMIT_POINTS (default 2000), RATE_LIMIT_REFILL_PER_SECOND (default 100). */
  rateLimit: { points: number; refillPerSecond: number };
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
    rateLimit: { points: positiveNumber(env, 'RATE_LIMIT_POINTS', 2000), refillPerSecond: positiveNumber(env, 'RATE_LIMIT_REFILL_PER_SECOND', 100) },
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${env[name]}"`);
  return value;
}
