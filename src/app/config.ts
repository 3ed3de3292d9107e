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
  };
}
