import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** SQL helpers the repositories share: plain-SQL fast paths (the same text on SQLite and MySQL) and bulk inserts. */

/** `?, ?, ?` for a list of parameters. */
export const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/** mysql2 gives a Date (the connection is in UTC); SQLite gives "YYYY-MM-DD HH:MM:SS.SSS" in UTC. */
export function utcDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/**
 * Inserts rows in chunks as plain multi-row INSERTs: one statement per chunk keeps statement and placeholder
 * counts bounded. Values go through each column's transformer and the driver's conversion, as TypeORM's
 * own insert does; its query builder is not used because, measured on 1 000-row chunks, building the
 * statement (parameter names, escaping) cost more than running it. Every row must set the same columns
 * (the builder's DEFAULT for a missing one is not needed by any caller, so it is refused instead).
 */
export async function insertMany<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[], chunkSize = 500): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter((column) => column.isInsert && column.getEntityValue(rows[0]) !== undefined);
  const driver = manager.connection.driver;
  const table = driver.escape(metadata.tableName);
  const columnList = columns.map((column) => driver.escape(column.databaseName)).join(', ');
  const rowPlaceholders = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const part = rows.slice(start, start + chunkSize);
    const params = part.flatMap((row) =>
      columns.map((column) => {
        const value = column.getEntityValue(row, true);
        if (value === undefined) throw new Error(`insertMany: a row of ${metadata.tableName} lacks ${column.propertyName}, which the first row sets`);
        return driver.preparePersistentValue(value, column);
      }),
    );
    await manager.query(`INSERT INTO ${table} (${columnList}) VALUES ${part.map(() => rowPlaceholders).join(', ')}`, params);
  }
}

export function chunk<T>(items: T[], size = 1000): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
