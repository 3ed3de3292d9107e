import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('MarketoConnection', { description: "The product's connection with Marketo." })
export class MarketoConnectionType {
  @Field(() => ID, { description: "The connection's identity (one per organization), for normalized client caches." })
  id: string;

  @Field()
  connected: boolean;

  @Field(() => Date, { nullable: true })
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

@ObjectType('Organization')
export class OrganizationType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}
