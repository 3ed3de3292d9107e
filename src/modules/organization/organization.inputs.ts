import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'The input of `connectMarketo`: what the Marketo subscription looks like.' })
export class ConnectMarketoInput {
  @Field({ description: 'Whether the Marketo subscription has workspaces enabled (R4).' })
  workspacesEnabled: boolean;

  @Field(() => [String], { nullable: true, description: 'The subscription\'s workspaces besides "Default" (created if missing).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(200, { each: true })
  workspaceNames?: string[] | null;
}
