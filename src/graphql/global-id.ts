import { isWellFormedId } from '../core/ids';

/**
 * Global ids (Relay's Global Object Identification): base64url of `<Type>:<local id>`, for example
 * `TeamUser:0190…`. Opaque to clients, who only pass them back; not a security boundary (anyone can
 * decode one): the tenant check of every read is. base64url and no crypto, so encoding the ids of a
 * 50-row page costs nothing measurable.
 */
export function toGlobalId(typeName: string, localId: string): string {
  return Buffer.from(`${typeName}:${localId}`, 'utf8').toString('base64url');
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The type and local id a global id names, or null for anything that is not one. */
export function fromGlobalId(globalId: string): { typeName: string; localId: string } | null {
  if (!BASE64URL.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return null;
  const typeName = decoded.slice(0, colon);
  const localId = decoded.slice(colon + 1);
  // Only the canonical spelling: a topic such as "grant-access" is valid base64url too, and must not decode to garbage.
  return toGlobalId(typeName, localId) === globalId && /^[A-Z]\w*$/.test(typeName) ? { typeName, localId } : null;
}

/**
 * The local id an input id names, if it names one of `typeNames`: its global id, or (deprecated, for
 * clients of the time before global ids) the raw UUID. Null for a global id of another type or
 * anything else, which callers treat as "not found".
 */
export function localIdOf(id: string, ...typeNames: string[]): string | null {
  if (isWellFormedId(id)) return id;
  const global = fromGlobalId(id);
  return global && typeNames.includes(global.typeName) ? global.localId : null;
}

/**
 * For the id lists of bulk inputs, whose items fail one by one: the local id, or the input unchanged
 * when it names nothing of the type (then no UUID, it matches no row and the item is not found).
 */
export function inputIdOf(id: string, typeName: string): string {
  return localIdOf(id, typeName) ?? id;
}
