import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Search on the Team Access page that costs what it finds, not the size of the team:
 * - both engines: an index (organization_id, search_text), so counting the matches of a short search
 *   reads one index of the organization, not its rows;
 * - SQLite: an FTS5 table with the trigram tokenizer over the same folded text (`team_user_search`), so a
 *   search of three characters or more reads only the rows holding its trigrams. The table keeps its own
 *   copy of the text and the user id (not external content keyed by rowid: VACUUM may renumber the rowids
 *   of a table without an INTEGER PRIMARY KEY); triggers keep it exact for every write path (the app,
 *   the demo seed, a bulk load in SQL);
 * - SQLite: the three order indexes (name in each collation, e-mail) carry search_text too, so a shorter
 *   search walks one index in the list's order and reads only the rows of the page. MariaDB's index keys
 *   cannot hold a sort key and the search text together (3 072 bytes).
 * MariaDB has no substring index (FULLTEXT indexes words; the n-gram parser is MySQL's only): README "Search".
 */
export class TeamSearchIndex1764500000000 implements MigrationInterface {
  name = 'TeamSearchIndex1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('team_user', SEARCH_INDEX);
    if (!isSqlite(queryRunner)) return;
    for (const [name, columns] of ORDER_INDEXES) await replaceIndex(queryRunner, name, [...columns, 'search_text']);
    await queryRunner.query("CREATE VIRTUAL TABLE team_user_search USING fts5(search_text, user_id UNINDEXED, tokenize = 'trigram')");
    await queryRunner.query('INSERT INTO team_user_search (search_text, user_id) SELECT search_text, id FROM team_user');
    for (const trigger of TRIGGERS) await queryRunner.query(trigger);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) {
      for (const name of ['team_user_search_insert', 'team_user_search_delete', 'team_user_search_update']) await queryRunner.query(`DROP TRIGGER ${name}`);
      await queryRunner.query('DROP TABLE team_user_search');
      for (const [name, columns] of ORDER_INDEXES) await replaceIndex(queryRunner, name, columns);
    }
    await queryRunner.dropIndex('team_user', SEARCH_INDEX.name!);
  }
}

const SEARCH_INDEX = new TableIndex({ name: 'ix_team_user_org_search', columnNames: ['organization_id', 'search_text'] });

/** The Team Access orders' indexes (migrations 1764200000000, 1764400000000), same names on SQLite with search_text added. */
const ORDER_INDEXES: [name: string, columns: string[]][] = [
  ['ix_team_user_org_name_sort_root', ['organization_id', 'name_sort_root', 'id']],
  ['ix_team_user_org_name_sort_sv', ['organization_id', 'name_sort_sv', 'id']],
  ['ix_team_user_org_email_id', ['organization_id', 'email', 'id']],
];

async function replaceIndex(queryRunner: QueryRunner, name: string, columnNames: string[]): Promise<void> {
  await queryRunner.dropIndex('team_user', name);
  await queryRunner.createIndex('team_user', new TableIndex({ name, columnNames }));
}

const isSqlite = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'better-sqlite3';

// Users are never deleted or renamed by the product today; the triggers make the index exact if they ever are.
const TRIGGERS = [
  `CREATE TRIGGER team_user_search_insert AFTER INSERT ON team_user BEGIN
     INSERT INTO team_user_search (search_text, user_id) VALUES (new.search_text, new.id);
   END`,
  `CREATE TRIGGER team_user_search_delete AFTER DELETE ON team_user BEGIN
     DELETE FROM team_user_search WHERE user_id = old.id;
   END`,
  `CREATE TRIGGER team_user_search_update AFTER UPDATE OF search_text ON team_user BEGIN
     UPDATE team_user_search SET search_text = new.search_text WHERE user_id = old.id;
   END`,
];
