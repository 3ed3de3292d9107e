import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { nameKey, NAME_KEY_LENGTH } from '../../core/canonical-text';

/**
 * One collation story on SQLite and MariaDB/MySQL: the database compares bytes, the code decides what
 * is equal. SQLite compares text byte for byte already; MySQL's default utf8mb4_unicode_ci made
 * idempotency keys that differ by case, accents, trailing spaces or emoji one key, and "EMEA"/"emea"
 * a unique-key violation (a 500) where SQLite stored two workspaces.
 *
 * - idempotency_record.idempotency_key: binary without trailing-space padding on MySQL (the API
 *   promises an exact key).
 * - marketo_workspace.name_key: the name's key ignoring case and accents, computed in code
 *   (core/canonical-text `nameKey`), unique per organization; it replaces the unique index on the name.
 *   Existing rows that already collide keep their name and get a key made unique with their id.
 */
export class ExactKeysAndNameKeys1764300000000 implements MigrationInterface {
  name = 'ExactKeysAndNameKeys1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const exact = await exactCollation(queryRunner);
    if (exact) await queryRunner.query(`ALTER TABLE idempotency_record MODIFY idempotency_key varchar(128) ${exact} NOT NULL`);
    await queryRunner.query(`ALTER TABLE marketo_workspace ADD COLUMN name_key varchar(${NAME_KEY_LENGTH}) ${exact} NOT NULL DEFAULT ''`);
    await backfillNameKeys(queryRunner);
    await queryRunner.createIndex('marketo_workspace', NAME_KEY_INDEX);
    // After the new index exists: MySQL's foreign key on organization_id needs an index that starts with it.
    await queryRunner.dropIndex('marketo_workspace', 'uq_marketo_workspace_org_name');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'marketo_workspace',
      new TableIndex({ name: 'uq_marketo_workspace_org_name', columnNames: ['organization_id', 'name'], isUnique: true }),
    );
    await queryRunner.dropIndex('marketo_workspace', NAME_KEY_INDEX.name!);
    await queryRunner.query('ALTER TABLE marketo_workspace DROP COLUMN name_key');
    // idempotency_key stays exact: back under a case-insensitive collation, keys stored since ("Key", "key") would collide.
  }
}

const NAME_KEY_INDEX = new TableIndex({ name: 'uq_marketo_workspace_org_name_key', columnNames: ['organization_id', 'name_key'], isUnique: true });

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'mysql';

/**
 * The column clause of a byte-for-byte comparison: empty on SQLite (BINARY is its default). On MySQL a
 * NO PAD binary collation, since utf8mb4_bin pads: "key" and "key " would still be one key.
 */
export async function exactCollation(queryRunner: QueryRunner): Promise<string> {
  if (!isMysql(queryRunner)) return '';
  const [{ version }] = (await queryRunner.query('SELECT VERSION() AS version')) as { version: string }[];
  return `CHARACTER SET utf8mb4 COLLATE ${/mariadb/i.test(version) ? 'utf8mb4_nopad_bin' : 'utf8mb4_0900_bin'}`;
}

async function backfillNameKeys(queryRunner: QueryRunner): Promise<void> {
  const rows = (await queryRunner.query(
    'SELECT id, organization_id, name FROM marketo_workspace ORDER BY organization_id, is_default DESC, created_at, id',
  )) as { id: string; organization_id: string; name: string }[];
  const seen = new Set<string>();
  for (const row of rows) {
    let key = nameKey(row.name);
    if (seen.has(`${row.organization_id}/${key}`)) key = `${[...key].slice(0, NAME_KEY_LENGTH - 37).join('')}#${row.id}`;
    seen.add(`${row.organization_id}/${key}`);
    await queryRunner.query('UPDATE marketo_workspace SET name_key = ? WHERE id = ?', [key, row.id]);
  }
}
