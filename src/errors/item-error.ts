import type { TFunction } from 'i18next';
import type { ItemErrorCode, MessageParams } from './error-codes';

/** The message fields of a per-item error, written in the request's language from the `errors` catalog. */
export function describeItemError(t: TFunction, code: ItemErrorCode, params: MessageParams = {}) {
  const i18nKey = `errors:${code}`;
  return { code, message: t(i18nKey, params) as string, i18nKey, i18nParams: params };
}
