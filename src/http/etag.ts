/**
 * Whether an If-None-Match header (a list of tags, weak or strong, or `*`) matches an ETag, by the weak
 * comparison RFC 9110 prescribes for If-None-Match: `W/"x"` and `"x"` match.
 */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = withoutWeakPrefix(etag);
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || withoutWeakPrefix(trimmed) === opaque;
  });
}

const withoutWeakPrefix = (tag: string): string => tag.replace(/^W\//, '');
