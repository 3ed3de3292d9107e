import Negotiator from 'negotiator';

/** The language of requests that ask for none we have, and the reference of every catalog. */
export const DEFAULT_LOCALE = 'en';

/**
 * The supported language a locale code means: `sv-SE` → `sv`, `FR_ca` → `fr`; null when none.
 */
export function supportedLanguage(code: string | null | undefined, supported: readonly string[]): string | null {
  if (!code) return null;
  const normalized = code.trim().replace('_', '-').toLowerCase();
  // Tags compare case-insensitively (RFC 5646 2.1.1): en-xa is the pseudo-locale en-XA, spelled as we list it.
  const exact = supported.find((lng) => lng.toLowerCase() === normalized);
  if (exact) return exact;
  const base = normalized.split('-')[0];
  return supported.includes(base) ? base : null;
}

/**
 * The language of a request: an explicit locale (argument) first, then the Accept-Language header
 * with its q-values (negotiated by `negotiator`), then English.
 */
export function negotiateLanguage(supported: readonly string[], explicit?: string | null, acceptLanguage?: string): string {
  const chosen = supportedLanguage(explicit, supported);
  if (chosen) return chosen;
  if (acceptLanguage) {
    const preferred = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages([...supported]);
    if (preferred.length > 0) return preferred[0];
  }
  return DEFAULT_LOCALE;
}
