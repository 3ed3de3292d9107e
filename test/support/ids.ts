/**
 * Global ids as the server spells them (README, "Global ids"): base64url of `<Type>:<local id>`. Tests
 * decode them only to compare with rows read straight from the database, which hold local ids.
 */
export const globalId = (typeName: string, localId: string): string => Buffer.from(`${typeName}:${localId}`).toString('base64url');

/** The local id (the database's) of a global id; a raw UUID unchanged. */
export function localId(id: string): string {
  if (/^[0-9a-f]{8}-/.test(id)) return id;
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}
