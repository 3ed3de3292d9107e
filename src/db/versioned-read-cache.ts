import type { Database } from './database';

/**
 * Values read from the database, kept under the organization's data version they were read at
 * (`organization.data_version`, which every write moves inside its transaction: kernel/organization-mutation).
 * A request that read version v gets what was read at v; after any write, on this replica or another,
 * requests read v + 1 and miss, so nothing stale is served and no replica needs telling. A value read
 * while a SQLite write transaction was open (which could see writes that then rolled back) is used but
 * not kept. A value kept under v may have been read just after a write to v + 1 committed: only requests
 * that read v before that commit, concurrent with the write, can be served it. The oldest entries go
 * first past `maxEntries`: entries of old versions are never read again.
 */
export class VersionedReadCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly db: Pick<Database, 'cleanReadStamp'>,
    private readonly maxEntries: number,
  ) {}

  async get(organizationId: string, dataVersion: number | null, key: string, read: () => Promise<V>): Promise<V> {
    if (dataVersion === null) return read();
    const entryKey = `${organizationId}\u0000${dataVersion}\u0000${key}`;
    if (this.entries.has(entryKey)) return this.entries.get(entryKey)!;
    const stamp = this.db.cleanReadStamp();
    const value = await read();
    if (stamp !== null && this.db.cleanReadStamp() === stamp) this.keep(entryKey, value);
    return value;
  }

  private keep(key: string, value: V): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }
}
