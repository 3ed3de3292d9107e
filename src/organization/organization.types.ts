import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TeamUserType } from '../team/team.types';
import { Role } from '../team/team-user.entity';

export enum Feature {
  INTERESTING_MOMENTS_LIVE_FEED = 'INTERESTING_MOMENTS_LIVE_FEED',
  MARKETING_CAMPAIGNS = 'MARKETING_CAMPAIGNS',
}

registerEnumType(Feature, { name: 'Feature', description: 'Features that access to the Marketo connection unlocks (R7).' });

@ObjectType('MarketoConnection', { description: "The product's connection with Marketo." })
export class MarketoConnectionType {
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

@ObjectType('Viewer', { description: 'The caller of the request.' })
export class ViewerType {
  @Field(() => TeamUserType)
  user: TeamUserType;

  @Field(() => OrganizationType)
  organization: OrganizationType;

  @Field(() => Role)
  role: Role;

  @Field(() => [Feature], { description: "Unlocked when the caller's own access is connected (R7)." })
  unlockedFeatures: Feature[];
}
