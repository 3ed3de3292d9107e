import { GraphQLError } from 'graphql';
import { BadInputReason, RequestErrorCode } from './error-codes';

export type MessageParams = Record<string, string | number | boolean | undefined>;

/**
 * The one base of the errors the API throws on purpose: a stable `code`, the key of its message in
 * the `errors` catalog, namespaced by who raises it (`request.FORBIDDEN`, `organization.…`), and the
 * message's variables. The text is written in the request's language by the translate-errors plugin,
 * never here; extra `extensions` (such as `retryAfterSeconds`) are machine-readable facts for clients.
 */
export class AppError extends GraphQLError {
  readonly code: string;
  readonly messageKey: string;
  readonly params: MessageParams;

  constructor(code: string, messageKey: string, options: { params?: MessageParams; extensions?: Record<string, unknown> } = {}) {
    super(messageKey, { extensions: { code, i18nKey: `errors:${messageKey}`, ...options.extensions } });
    this.code = code;
    this.messageKey = messageKey;
    this.params = options.params ?? {};
  }
}

/** A request-level error whose message is `request.<code>`. */
export function requestError(code: Exclude<RequestErrorCode, RequestErrorCode.BAD_USER_INPUT>): AppError {
  return new AppError(code, `request.${code}`);
}

/** `BAD_USER_INPUT` with `extensions.reason`; the message key is `<namespace>.<reason>`. */
export function badInput(reason: BadInputReason | string, params?: MessageParams, namespace = 'request'): AppError {
  return new AppError(RequestErrorCode.BAD_USER_INPUT, `${namespace}.${reason}`, { params, extensions: { reason } });
}
