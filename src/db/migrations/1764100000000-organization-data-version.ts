import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * organization.data_version: bumped by every change of the organization's data (with its audit
 * events, in the same transaction), so a cached read of that data is valid exactly while
 * the version it was computed at is still current, on every replica. The same SQL on SQLite and MySQL.
 */
export class OrganizationDataVersion1764100000000 implements MigrationInterface {
  name = 'OrganizationDataVersion1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organization ADD COLUMN data_version integer NOT NULL DEFAULT 0');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organization DROP COLUMN data_version');
  }
}
