import type { TFunction } from 'i18next';
import type { Clock } from './clock';
import type { Viewer } from './viewer';

/** The request's logger (pino's shape): it carries the request id. */
export interface RequestLog {
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

/** The facts of one request that every layer may read; nothing in it knows about HTTP or GraphQL. */
export interface RequestContext {
  /** Null when the request carries no valid token. */
  viewer: Viewer | null;
  /**
   * The viewer's organization's data version, read with the token as the request began (null without
   * one): what reads cached per version are keyed by (db/versioned-read-cache, the response cache).
   */
  dataVersion: number | null;
  /** The request's language, negotiated from Accept-Language (sv-SE → sv), else English. */
  locale: string;
  /** The raw Accept-Language header, for fields that negotiate among their own languages. */
  acceptLanguage: string | undefined;
  /** `t` fixed to the request's language. */
  t: TFunction;
  clock: Clock;
  log: RequestLog;
  /** What the request cost that its log line reports (the write path counts its retries here). */
  counts?: { writeRetries: number };
}
