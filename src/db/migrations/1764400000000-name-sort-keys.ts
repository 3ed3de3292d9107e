import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { COLLATION_KEY_LENGTH, collationKey, COLLATIONS, type Collation } from '../../core/collation-key';
import { exactCollation } from './1764300000000-exact-keys-and-name-keys';

/**
 * Names sorted as each language sorts them (core/collation-key): one sort-key column per collation on
 * team_user (`name_sort_root` for English and French, `name_sort_sv` for Swedish), computed in code
 * because SQLite has no ICU and MariaDB's collations are not Intl.Collator's. The keys are compared by
 * code point (binary, NO PAD on MariaDB, as the exact keys of 1764300000000), and each has an index
 * (organization_id, key, id) so the Team Access page by name reads in index order in every language.
 * Existing users get their keys here; the index on the raw name, which no list reads any more, goes.
 */
export class NameSortKeys1764400000000 implements MigrationInterface {
  name = 'NameSortKeys1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const exact = await exactCollation(queryRunner);
    for (const collation of COLLATIONS) {
      await queryRunner.query(`ALTER TABLE team_user ADD COLUMN ${sortColumn(collation)} varchar(${COLLATION_KEY_LENGTH}) ${exact} NOT NULL DEFAULT ''`);
    }
    await backfillNameSortKeys(queryRunner);
    for (const collation of COLLATIONS) await queryRunner.createIndex('team_user', sortIndex(collation));
    await queryRunner.dropIndex('team_user', 'ix_team_user_org_name');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('team_user', new TableIndex({ name: 'ix_team_user_org_name', columnNames: ['organization_id', 'name', 'id'] }));
    for (const collation of [...COLLATIONS].reverse()) {
      await queryRunner.dropIndex('team_user', sortIndex(collation).name!);
      await queryRunner.query(`ALTER TABLE team_user DROP COLUMN ${sortColumn(collation)}`);
    }
  }
}

const sortColumn = (collation: Collation) => `name_sort_${collation}`;

const sortIndex = (collation: Collation) =>
  new TableIndex({ name: `ix_team_user_org_name_sort_${collation}`, columnNames: ['organization_id', sortColumn(collation), 'id'] });

/** Every user's keys, from the name as stored, a page of users at a time (by id, so the pages do not move). */
async function backfillNameSortKeys(queryRunner: QueryRunner, pageSize = 500): Promise<void> {
  let after = '';
  for (;;) {
    const rows = (await queryRunner.query(`SELECT id, name FROM team_user WHERE id > ? ORDER BY id LIMIT ${pageSize}`, [after])) as {
      id: string;
      name: string;
    }[];
    for (const { id, name } of rows) {
      const assignments = COLLATIONS.map((collation) => `${sortColumn(collation)} = ?`).join(', ');
      await queryRunner.query(`UPDATE team_user SET ${assignments} WHERE id = ?`, [...COLLATIONS.map((collation) => collationKey(name, collation)), id]);
    }
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].id;
  }
}
