import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'The input of `connectMarketo`: what the Marketo subscription looks like.' })
export class ConnectMarketoInput {
  @Field({ description: 'Whether the Marketo subscription has workspaces enabled (R4).' })
  workspacesEnabled: boolean;

  @Field(() => [String], {
    nullable: true,
    description:
      'The subscription\'s workspaces besides "Default" (created if missing), stored trimmed in Unicode NFC. Unique ignoring case and accents: a repeat, or another spelling of an existing name ("default"), is BAD_USER_INPUT DUPLICATE_WORKSPACE_NAME; a control or bidirectional formatting character, or no visible character, is BAD_USER_INPUT WORKSPACE_NAME_FORBIDDEN_CHARACTER or WORKSPACE_NAME_NOT_VISIBLE. Nothing is written then.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(200, { each: true })
  workspaceNames?: string[] | null;
}
