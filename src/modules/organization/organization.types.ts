import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';

// Its global id (type MarketoConnection, the organization's id) keys it in normalized client caches.
@ObjectType('MarketoConnection', { description: "The product's connection with Marketo.", implements: Node })
export class MarketoConnectionType {
  /** The organization's id: there is one connection per organization. */
  id: string;

  @Field({ description: 'Whether an admin has connected the organization to Marketo.' })
  connected: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was connected (UTC); null when not connected.' })
  connectedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'connectedAt + 10 minutes: access can be granted from then on (R2).' })
  readyAt: Date | null;

  @Field({ description: 'Connected, and the ten minutes have passed.' })
  ready: boolean;

  @Field(() => Int, { nullable: true, description: 'Seconds until access can be granted; 0 once ready.' })
  retryAfterSeconds: number | null;

  @Field({ description: 'Whether the Marketo subscription has workspaces enabled (R4).' })
  workspacesEnabled: boolean;
}

@ObjectType('Organization', { description: 'The tenant: a customer of the product, with its users and Marketo connection.', implements: Node })
export class OrganizationType {
  id: string;

  @Field({ description: "The organization's display name." })
  name: string;
}
