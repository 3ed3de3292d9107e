import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes for the lists' other orders and filters, so each reads in index order like the default:
 * Team Access by e-mail (then id), the grants of an organization by time, and the audit trail of one
 * actor or one target, newest first. TypeORM's Table API: the same on SQLite and MySQL.
 */
const INDEXES: [table: string, index: TableIndex][] = [
  ['team_user', new TableIndex({ name: 'ix_team_user_org_email_id', columnNames: ['organization_id', 'email', 'id'] })],
  ['marketo_access_grant', new TableIndex({ name: 'ix_marketo_access_grant_org_time', columnNames: ['organization_id', 'granted_at', 'user_id'] })],
  ['audit_event', new TableIndex({ name: 'ix_audit_event_org_actor_time', columnNames: ['organization_id', 'actor_id', 'occurred_at', 'id'] })],
  ['audit_event', new TableIndex({ name: 'ix_audit_event_org_target_time', columnNames: ['organization_id', 'target_id', 'occurred_at', 'id'] })],
];

export class PaginationIndexes1764200000000 implements MigrationInterface {
  name = 'PaginationIndexes1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, index] of INDEXES) await queryRunner.createIndex(table, index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, index] of [...INDEXES].reverse()) await queryRunner.dropIndex(table, index.name!);
  }
}
