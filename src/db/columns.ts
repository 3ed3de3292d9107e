import { Column, PrimaryColumn } from 'typeorm';

/** Column shapes shared by every entity, so types and lengths match the migrations on SQLite and MySQL. */
export const IdColumn = (): PropertyDecorator => PrimaryColumn({ type: 'varchar', length: 36 });

export const RefColumn = (name: string, options: { nullable?: boolean } = {}): PropertyDecorator =>
  Column({ name, type: 'varchar', length: 36, nullable: options.nullable ?? false });

/** UTC datetime with millisecond precision. */
export const TimestampColumn = (name: string, options: { nullable?: boolean } = {}): PropertyDecorator =>
  Column({ name, type: 'datetime', precision: 3, nullable: options.nullable ?? false });
