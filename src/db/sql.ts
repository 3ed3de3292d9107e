/** Helpers for the hot reads written in plain SQL (the same text on SQLite and MySQL). */

/** `?, ?, ?` for a list of parameters. */
export const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/** mysql2 gives a Date (the connection is in UTC); SQLite gives "YYYY-MM-DD HH:MM:SS.SSS" in UTC. */
export function utcDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
