import { GraphQLJSONObject } from 'graphql-scalars';
import { Ctx, Field, FieldResolver, ID, Int, InterfaceType, Resolver, Root, registerEnumType } from 'type-graphql';
import type { MessageParams } from '../core/app-error';
import type { GraphQLContext } from './context';
import { ItemErrorCode } from './item-error-code';

registerEnumType(ItemErrorCode, {
  name: 'ItemErrorCode',
  description: 'Why one item of a bulk mutation failed.',
  valuesConfig: {
    USER_NOT_FOUND: { description: 'The user id names no user of the organization (or is malformed).' },
    WORKSPACE_NOT_FOUND: { description: "A workspace id names no workspace of the organization's Marketo subscription." },
    WORKSPACES_NOT_ENABLED: { description: 'Workspaces were selected, but the Marketo subscription has workspaces disabled (R4).' },
    ALREADY_CONNECTED: { description: 'The user is already connected with other workspaces: disconnect first to change them (R6).' },
    NOT_CONNECTED: { description: 'The user has no Marketo access to remove.' },
    DUPLICATE: { description: 'The same user id appears earlier in the input; only its first occurrence was handled.' },
    INVALID_EMAIL: {
      description:
        'The e-mail address is malformed, longer than 254 characters, or has a control or bidirectional formatting character (`i18nParams.reason`: FORBIDDEN_CHARACTER).',
    },
    INVALID_NAME: {
      description:
        'The name is empty or longer than 200 characters (after trimming), has a control or bidirectional formatting character (`i18nParams.reason`: FORBIDDEN_CHARACTER), or nothing visible (NO_VISIBLE_CHARACTER).',
    },
    EMAIL_ALREADY_INVITED: {
      description: 'A user of the organization (or an earlier invitee of the input) already has this e-mail address, regardless of case.',
    },
  },
});

/** What every per-item error result of a bulk mutation has; its message is written from `i18nKey` at read time. */
@InterfaceType({ description: 'A per-item error of a bulk mutation: the item failed, the others went on.' })
export abstract class ErrorResult {
  @Field(() => ItemErrorCode, { description: 'Stable machine-readable code; switch on it, not on the message.' })
  code: ItemErrorCode;

  @Field({ description: "Human-readable message in the request's language." })
  message: string;

  @Field({ description: 'Catalog key of the message (namespace:key).' })
  i18nKey: string;

  // So that a UI can show the message in a language it switches to later, from its own catalogs.
  @Field(() => GraphQLJSONObject, { description: 'The variables of the message: `t(i18nKey, i18nParams)` renders it in any language.' })
  i18nParams: MessageParams;
}

/** The message of every per-item error, in the request's language: the one place these are translated. */
@Resolver(() => ErrorResult)
export class ErrorResultResolver {
  @FieldResolver(() => String)
  message(@Root() error: ErrorResult, @Ctx() ctx: GraphQLContext): string {
    return ctx.t(error.i18nKey, error.i18nParams) as string;
  }
}

/** Per-item results name the user they are about, even when it does not exist, and where it stood in the input. */
@InterfaceType({ description: 'One result of a bulk connect or disconnect: one per user id of the input, in input order.' })
export abstract class UserItemResult {
  @Field(() => ID, { description: 'The user id as given in the input.' })
  userId: string;

  @Field(() => Int, { description: "The item's position in the input (0-based; across assignments, in order)." })
  index: number;

  // user (the TeamUser as it is after the call, for normalized caches) is a field resolver of the access module
}
