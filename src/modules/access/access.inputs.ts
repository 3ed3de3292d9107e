import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { SortDirection } from '../../core/pagination';
import { ConnectionArgs, MAX_ID_LENGTH } from '../../graphql/connection.args';
import { IdempotentInput } from '../../graphql/idempotent.input';
import { MarketoAccessStatus, TeamAccessOrderField } from './access.types';

@InputType({ description: 'One set of users and the workspaces they all get (R4).' })
export class WorkspaceAssignmentInput {
  @Field(() => [ID], { description: 'TeamUser global ids (raw UUIDs are still accepted, deprecated).' })
  @MaxLength(MAX_ID_LENGTH, { each: true })
  userIds: string[];

  @Field(() => [ID], {
    nullable: true,
    description: 'MarketoWorkspace global ids (raw UUIDs deprecated). Optional: none or empty is the Default Marketo workspace (R5).',
  })
  @IsOptional()
  @MaxLength(MAX_ID_LENGTH, { each: true })
  workspaceIds?: string[] | null;
}

@InputType({ description: 'The input of `connectMarketoUsers`.' })
export class ConnectMarketoUsersInput extends IdempotentInput {
  @Field(() => [WorkspaceAssignmentInput], { description: 'At most 1000 users across all assignments.' })
  @ValidateNested({ each: true })
  assignments: WorkspaceAssignmentInput[];
}

@InputType({ description: 'The input of `disconnectMarketoUsers`.' })
export class DisconnectMarketoUsersInput extends IdempotentInput {
  @Field(() => [ID], { description: 'TeamUser global ids (raw UUIDs are still accepted, deprecated); at most 1000.' })
  @MaxLength(MAX_ID_LENGTH, { each: true })
  userIds: string[];
}

@InputType({ description: 'The order of the Team Access list (default: NAME ASC).' })
export class TeamAccessOrder {
  @Field(() => TeamAccessOrderField, { description: 'What to order by; ties are broken by user id.' })
  field: TeamAccessOrderField;

  @Field(() => SortDirection, { nullable: true, description: 'ASC (default) or DESC.' })
  direction?: SortDirection | null;
}

@ArgsType()
export class TeamAccessArgs extends ConnectionArgs {
  @Field(() => TeamAccessOrder, { nullable: true, description: 'The order of the list (default: NAME ASC).' })
  orderBy?: TeamAccessOrder | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Part of a name or e-mail, case- and accent-insensitive; `%` and `_` match themselves. A control character is BAD_USER_INPUT SEARCH_FORBIDDEN_CHARACTER.',
  })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => MarketoAccessStatus, { nullable: true, description: 'Only users with this access status; null: all users.' })
  status?: MarketoAccessStatus | null;
}
