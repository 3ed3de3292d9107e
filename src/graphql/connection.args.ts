import { MaxLength } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

/** The longest id an input takes: a global id (base64url of "<Type>:<uuid>") as well as a raw UUID. */
export const MAX_ID_LENGTH = 128;

/** The Relay paging arguments every connection takes; a connection's args class extends it with its own. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Page forward: the first items (after `after`, or of the list), 1 to 100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor of this list, order and filters: the items after it. Without it: from the start.' })
  @MaxLength(1000)
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page backward: the last items before `before` (or of the list), 1 to 100. Not with `first` or `after`.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor of this list, order and filters: page backward from it. Not with `first` or `after`.' })
  @MaxLength(1000)
  before?: string | null;
}
