import { isDeepStrictEqual } from 'node:util';
import { ADMIN_HEADERS, TEAM_ACCESS_PAGE } from '../executed';

/**
 * Checks that the peer answers the Team Access page exactly as the API does for each search: the same
 * status, the same JSON with its keys in the same order, and the same number of bytes (the bare server
 * replays the API's bytes, so a peer answering more or fewer would not be compared on the same work).
 * Throws on the first difference, naming the search and the first path where the answers part.
 */
export async function assertSameAnswers(apiUrl: string, peerUrl: string, searches: (string | null)[]): Promise<{ compared: number; matchedNobody: number }> {
  let matchedNobody = 0;
  for (const search of searches) {
    const [api, peer] = await Promise.all([pageAnswer(apiUrl, search), pageAnswer(peerUrl, search)]);
    const where = `search ${JSON.stringify(search)}`;
    if (api.status !== peer.status) throw new Error(`${where}: status ${api.status} from the API, ${peer.status} from the peer`);
    if (api.type !== peer.type) throw new Error(`${where}: content-type ${api.type} from the API, ${peer.type} from the peer`);
    const difference = firstDifference(JSON.parse(api.text), JSON.parse(peer.text), '$');
    if (difference) throw new Error(`${where}: the answers differ at ${difference}\nAPI: ${api.text.slice(0, 400)}\npeer: ${peer.text.slice(0, 400)}`);
    if (api.bytes !== peer.bytes) throw new Error(`${where}: ${api.bytes} bytes from the API, ${peer.bytes} from the peer (same JSON, other spelling)`);
    if (JSON.parse(api.text).data?.teamAccess?.totalCount === 0) matchedNobody += 1;
  }
  return { compared: searches.length, matchedNobody };
}

async function pageAnswer(url: string, search: string | null): Promise<{ status: number; type: string | null; text: string; bytes: number }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: ADMIN_HEADERS,
    body: JSON.stringify({ query: TEAM_ACCESS_PAGE, variables: { search } }),
  });
  // What the caller's bucket holds depends on the moment each server charged it, not on the answer.
  const text = Buffer.from(await response.arrayBuffer())
    .toString('utf8')
    .replace(/"currentlyAvailable":\d+/, '"currentlyAvailable":0');
  return { status: response.status, type: response.headers.get('content-type'), text, bytes: Buffer.byteLength(text) };
}

/** The first path where two JSON values differ (values, or the order of an object's keys), or null. */
function firstDifference(api: unknown, peer: unknown, path: string): string | null {
  if (isObject(api) && isObject(peer)) {
    const apiKeys = Object.keys(api);
    const peerKeys = Object.keys(peer);
    if (apiKeys.join() !== peerKeys.join()) return `${path}: keys ${JSON.stringify(apiKeys)} from the API, ${JSON.stringify(peerKeys)} from the peer`;
    for (const key of apiKeys) {
      const difference = firstDifference(api[key], peer[key], `${path}.${key}`);
      if (difference) return difference;
    }
    return null;
  }
  if (Array.isArray(api) && Array.isArray(peer)) {
    for (let i = 0; i < Math.max(api.length, peer.length); i += 1) {
      if (i >= api.length || i >= peer.length) return `${path}: ${api.length} items from the API, ${peer.length} from the peer`;
      const difference = firstDifference(api[i], peer[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return null;
  }
  return isDeepStrictEqual(api, peer) ? null : `${path}: ${JSON.stringify(api)} from the API, ${JSON.stringify(peer)} from the peer`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
