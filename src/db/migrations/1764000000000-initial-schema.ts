import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import type { TableColumnOptions } from 'typeorm/schema-builder/options/TableColumnOptions';

/**
 * The first schema. Written against TypeORM's Table API with types that mean the same on SQLite,
 * MariaDB 10.11 and MySQL 8: ids are varchar(36), datetimes are datetime(3) in UTC, indexed strings
 * stay under InnoDB's 3072-byte key limit in utf8mb4, and large JSON goes to longtext on MySQL.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of tables(queryRunner.connection.driver.options.type === 'mysql')) await queryRunner.createTable(table, false, true, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of tables(false).reverse()) await queryRunner.dropTable(table.name, true, true, true);
  }
}

const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable });
const text = (name: string, length: number): TableColumnOptions => ({ name, type: 'varchar', length: String(length) });
const timestamp = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable });
const flag = (name: string): TableColumnOptions => ({ name, type: 'boolean', default: false });

/** Foreign key names are per database on MySQL, so they carry the owning table's name. */
const foreignKey = (owner: string, column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT', referenced = 'id') =>
  new TableForeignKey({
    name: `fk_${owner}_${column}`.slice(0, 64),
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: [referenced],
    onDelete,
  });

const index = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

function tables(mysql: boolean): Table[] {
  const longText = mysql ? 'longtext' : 'text';
  // Compared byte for byte, as on SQLite: the app lower-cases and folds them, so a case- and
  // accent-insensitive MySQL collation would make "josé@x" and "jose@x" one address.
  const exact = (column: TableColumnOptions): TableColumnOptions => (mysql ? { ...column, collation: 'utf8mb4_bin' } : column);
  return [
    new Table({
      name: 'organization',
      columns: [id(), text('name', 200), timestamp('marketo_connected_at', true), flag('marketo_workspaces_enabled'), timestamp('created_at')],
    }),
    new Table({
      name: 'team_user',
      columns: [
        id(),
        ref('organization_id'),
        text('name', 200),
        exact(text('email', 254)),
        exact(text('search_text', 460)),
        text('role', 16),
        timestamp('invited_at'),
        ref('invited_by_id', true),
      ],
      indices: [index('uq_team_user_org_email', ['organization_id', 'email'], true), index('ix_team_user_org_name', ['organization_id', 'name', 'id'])],
      foreignKeys: [foreignKey('team_user', 'organization_id', 'organization', 'CASCADE')],
    }),
    new Table({
      name: 'api_token',
      columns: [id(), ref('organization_id'), ref('user_id'), text('token_hash', 64), text('label', 100), timestamp('created_at')],
      indices: [index('uq_api_token_hash', ['token_hash'], true)],
      foreignKeys: [foreignKey('api_token', 'organization_id', 'organization', 'CASCADE'), foreignKey('api_token', 'user_id', 'team_user', 'CASCADE')],
    }),
    new Table({
      name: 'marketo_workspace',
      columns: [id(), ref('organization_id'), text('name', 200), flag('is_default'), timestamp('created_at')],
      indices: [index('uq_marketo_workspace_org_name', ['organization_id', 'name'], true)],
      foreignKeys: [foreignKey('marketo_workspace', 'organization_id', 'organization', 'CASCADE')],
    }),
    new Table({
      name: 'marketo_access_grant',
      columns: [id(), ref('organization_id'), ref('user_id'), ref('granted_by_id'), timestamp('granted_at')],
      indices: [index('uq_marketo_access_grant_user', ['user_id'], true), index('ix_marketo_access_grant_org', ['organization_id'])],
      foreignKeys: [
        foreignKey('marketo_access_grant', 'organization_id', 'organization', 'CASCADE'),
        foreignKey('marketo_access_grant', 'user_id', 'team_user', 'CASCADE'),
        foreignKey('marketo_access_grant', 'granted_by_id', 'team_user'),
      ],
    }),
    new Table({
      name: 'marketo_access_grant_workspace',
      columns: [{ ...ref('grant_id'), isPrimary: true }, { ...ref('workspace_id'), isPrimary: true }, ref('organization_id')],
      indices: [index('ix_grant_workspace_workspace', ['workspace_id'])],
      foreignKeys: [
        foreignKey('marketo_access_grant_workspace', 'grant_id', 'marketo_access_grant', 'CASCADE'),
        foreignKey('marketo_access_grant_workspace', 'workspace_id', 'marketo_workspace'),
        foreignKey('marketo_access_grant_workspace', 'organization_id', 'organization', 'CASCADE'),
      ],
    }),
    new Table({
      name: 'audit_event',
      columns: [
        id(),
        ref('organization_id'),
        ref('actor_id'),
        text('action', 64),
        text('target_type', 64),
        ref('target_id'),
        { name: 'details', type: longText },
        timestamp('occurred_at'),
      ],
      indices: [index('ix_audit_event_org_time', ['organization_id', 'occurred_at', 'id'])],
      foreignKeys: [foreignKey('audit_event', 'organization_id', 'organization', 'CASCADE')],
    }),
    new Table({
      name: 'idempotency_record',
      columns: [
        { ...ref('organization_id'), isPrimary: true },
        { ...text('idempotency_key', 128), isPrimary: true },
        text('operation', 64),
        text('request_hash', 64),
        { name: 'response', type: longText },
        timestamp('created_at'),
      ],
      foreignKeys: [foreignKey('idempotency_record', 'organization_id', 'organization', 'CASCADE')],
    }),
  ];
}
