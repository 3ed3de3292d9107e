import { GraphQLError } from 'graphql';
import { BadInputReason, RequestErrorCode, type MessageParams } from './error-codes';

/**
 * The one base of the errors the API throws on purpose: a stable `code`, the catalog key of its
 * message (`errors:<KEY>`) and the message's variables. The text is written in the request's language
 * by the translate-errors plugin, never here; extra `extensions` (such as `retryAfterSeconds`) are
 * machine-readable facts for clients.
 */
export class AppError extends GraphQLError {
  readonly code: RequestErrorCode;
  readonly messageKey: string;
  readonly params: MessageParams;

  constructor(code: RequestErrorCode, options: { key?: string; params?: MessageParams; extensions?: Record<string, unknown> } = {}) {
    const messageKey = options.key ?? code;
    super(messageKey, { extensions: { code, i18nKey: `errors:${messageKey}`, ...options.extensions } });
    this.code = code;
    this.messageKey = messageKey;
    this.params = options.params ?? {};
  }
}

export const badInput = (reason: BadInputReason, params?: MessageParams): AppError =>
  new AppError(RequestErrorCode.BAD_USER_INPUT, { key: reason, params, extensions: { reason } });
