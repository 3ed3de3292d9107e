import { Column, Entity, Index } from 'typeorm';
import { nameKey } from '../../core/canonical-text';
import { newId } from '../../core/ids';
import { Field, ObjectType } from 'type-graphql';
import { IdColumn, RefColumn, TimestampColumn } from '../../db/columns';
import { Node } from '../../graphql/node';

export const DEFAULT_WORKSPACE_NAME = 'Default';

/** A workspace of the organization's Marketo subscription; one is the Default (R5). */
@Entity('marketo_workspace')
@Index('uq_marketo_workspace_org_name_key', ['organizationId', 'nameKey'], { unique: true })
@ObjectType('MarketoWorkspace', { description: 'A workspace of the Marketo subscription.', implements: Node, simpleResolvers: true })
export class MarketoWorkspace {
  /** The local id (a UUID); the schema's `id` is the global id (the Node interface). */
  @IdColumn()
  id: string;

  @RefColumn('organization_id')
  organizationId: string;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: 'The name in Marketo, unique in the organization ("Default" for the Default workspace).' })
  name: string;

  /** The name's key (core/canonical-text `nameKey`): unique in the organization, so "EMEA" and "emea" cannot both exist. */
  @Column({ name: 'name_key', type: 'varchar', length: 255 })
  nameKey: string;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  @Field({ description: 'The Default Marketo workspace, assigned when none is selected (R5).' })
  isDefault: boolean;

  @TimestampColumn('created_at')
  createdAt: Date;
}

/** A new workspace row, its name key computed from its (canonical) name. */
export function newWorkspace(organizationId: string, name: string, now: Date): MarketoWorkspace {
  return Object.assign(new MarketoWorkspace(), {
    id: newId(),
    organizationId,
    name,
    nameKey: nameKey(name),
    isDefault: name === DEFAULT_WORKSPACE_NAME,
    createdAt: now,
  });
}

type Ordered = Pick<MarketoWorkspace, 'isDefault' | 'name'>;

const collators = new Map<string, Intl.Collator>();

/**
 * The Default workspace first, then by name as the reader's language sorts (Swedish puts Å Ä Ö after
 * Z): the order the Workspace drop-down shows. A handful of names per organization, sorted in memory,
 * so Intl.Collator itself (not a stored sort key, as the team's names need) is exact and cheap.
 */
export function byDefaultThenName(locale: string): (a: Ordered, b: Ordered) => number {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  const { compare } = collator;
  return (a, b) => Number(b.isDefault) - Number(a.isDefault) || compare(a.name, b.name);
}
