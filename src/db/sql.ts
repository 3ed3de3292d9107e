import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** SQL helpers the repositories share: plain-SQL fast paths (the same text on SQLite and MySQL) and bulk inserts. */

/** `?, ?, ?` for a list of parameters. */
export const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/** mysql2 gives a Date (the connection is in UTC); SQLite gives "YYYY-MM-DD HH:MM:SS.SSS" in UTC. */
export function utcDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/** Inserts rows in chunks: one statement per chunk keeps statement counts and placeholder counts bounded. */
export async function insertMany<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[], chunkSize = 500): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + chunkSize) as never)
      .updateEntity(false)
      .execute();
  }
}

export function chunk<T>(items: T[], size = 1000): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
