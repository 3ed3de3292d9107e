/**
 * i18next's plural keys: a family's name, `_`, and a CLDR plural category (`users_one`,
 * `users_other`, French `users_many`). Every check that treats a plural family as one key reads it here.
 */
export const PLURAL_KEY = /^(.*)_(zero|one|two|few|many|other)$/;

/** The family a key belongs to: itself, or its name without the plural suffix. */
export const pluralFamilyOf = (key: string): string => PLURAL_KEY.exec(key)?.[1] ?? key;
