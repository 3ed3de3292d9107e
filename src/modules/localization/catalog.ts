import { createHash } from 'node:crypto';
import type { Resource, ResourceLanguage } from 'i18next';
import { DEFAULT_LOCALE } from '../../core/language';
import { pluralFamilyOf } from './plural-keys';

/** One namespace of one language, serialized once: the bytes and ETag every request reuses. */
export interface Bundle {
  body: string;
  bytes: Buffer;
  etag: string;
}

/**
 * The catalogs as served: per-language, per-namespace bundles precomputed at start-up (they only
 * change on deploy), and how complete each language is against English.
 */
export class Catalog {
  readonly languages: string[];
  readonly namespaces: string[];
  private readonly bundles = new Map<string, Bundle>();

  /**
   * @param version the build version of the catalogs read from locales/ (catalogVersion), which a versioned
   *   URL must carry to be cached for good; languages made at start-up (`generated`) are not covered by it.
   */
  constructor(
    private readonly resources: Resource,
    readonly version?: string,
    private readonly generated: readonly string[] = [],
  ) {
    this.languages = Object.keys(resources);
    this.namespaces = Object.keys(resources[DEFAULT_LOCALE] ?? {});
    for (const lng of this.languages) {
      for (const [ns, content] of Object.entries(resources[lng])) {
        const body = JSON.stringify(content);
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
        this.bundles.set(`${lng}/${ns}`, { body, bytes: Buffer.from(body, 'utf8'), etag });
      }
    }
  }

  /** The version a URL of `lng`'s catalogs carries to be cached for good; none for a generated language. */
  versionOf(lng: string): string | undefined {
    return this.generated.includes(lng) ? undefined : this.version;
  }

  bundle(lng: string, ns: string): Bundle | undefined {
    return this.bundles.get(`${lng}/${ns}`);
  }

  content(lng: string, ns: string): ResourceLanguage[string] | undefined {
    return this.resources[lng]?.[ns];
  }

  /** Percentage of English's keys (a plural family counts once) that the language has, non-empty. */
  completeness(lng: string): number {
    let total = 0;
    let present = 0;
    for (const ns of this.namespaces) {
      const english = keyFamilies(this.resources[DEFAULT_LOCALE][ns]);
      const translated = keyFamilies(this.resources[lng]?.[ns]);
      total += english.size;
      for (const key of english) if (translated.has(key)) present += 1;
    }
    return total === 0 ? 100 : Math.round((present / total) * 1000) / 10;
  }
}

/**
 * The version of a set of catalogs, for URLs that must change when any catalog does: a hash over every
 * language and namespace in sorted order and their JSON (so a file's formatting does not count). The web
 * build (web/vite.config.mts) calls this same function over loadResources, so the page's URLs and the
 * server agree by construction.
 */
export function catalogVersion(resources: Resource): string {
  const hash = createHash('sha256');
  for (const lng of Object.keys(resources).sort()) {
    for (const ns of Object.keys(resources[lng]).sort()) hash.update(`${lng}/${ns}:${JSON.stringify(resources[lng][ns])}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The dotted keys of a catalog with non-empty values, plural suffixes folded into their family. */
export function keyFamilies(content: unknown, prefix = ''): Set<string> {
  const keys = new Set<string>();
  if (content && typeof content === 'object') {
    for (const [key, value] of Object.entries(content)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') {
        if (value.trim() !== '') keys.add(pluralFamilyOf(path));
      } else {
        keyFamilies(value, path).forEach((nested) => keys.add(nested));
      }
    }
  }
  return keys;
}
