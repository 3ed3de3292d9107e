import DataLoader from 'dataloader';

/**
 * The DataLoaders of one request, made on first use. A loader batches the loads of one tick into one
 * query and caches rows for the rest of the request only, so no row outlives its request.
 */
export class LoaderScope {
  private readonly loaders = new Map<object, Map<string, unknown>>();

  /** The loader named `name` of `owner` (a module's loaders object), made by `create` the first time. */
  get<T>(owner: object, name: string, create: () => T): T {
    let ofOwner = this.loaders.get(owner);
    if (!ofOwner) {
      ofOwner = new Map();
      this.loaders.set(owner, ofOwner);
    }
    if (!ofOwner.has(name)) ofOwner.set(name, create());
    return ofOwner.get(name) as T;
  }
}

/**
 * A DataLoader of rows by id: one `find` per batch (ids in, rows in any order out), each id answered
 * with its row or null, so another organization's id reads as not found.
 */
export function rowsByIdLoader<T extends { id: string }>(find: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    const found = new Map((await find(ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
