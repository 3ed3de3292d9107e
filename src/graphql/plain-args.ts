import { getMetadataStorage, maxLength, MAX_LENGTH, ValidationTypes } from 'class-validator';

type ArgsCheck = (args: Record<string, unknown>) => boolean;

/**
 * A check of an args class's class-validator constraints that allocates nothing, built once from the
 * decorators' metadata, for the constraints it knows (`@MaxLength`, `@IsOptional`); null when the class
 * has any other, so no rule is ever skipped. It only decides the fast path: arguments it does not pass go
 * to type-graphql's own validation, which words the refusal (INVALID_INPUT with the invalid fields).
 * Missing and null values pass, as type-graphql validates with `skipMissingProperties`.
 */
export function plainArgsCheck(argsClass: abstract new () => object): ArgsCheck | null {
  const maxLengths: { property: string; max: number }[] = [];
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(argsClass, '', true, false)) {
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION && metadata.name === 'isOptional') continue;
    if (metadata.type !== ValidationTypes.CUSTOM_VALIDATION || metadata.name !== MAX_LENGTH || metadata.each) return null;
    maxLengths.push({ property: metadata.propertyName, max: metadata.constraints[0] as number });
  }
  return (args) =>
    maxLengths.every(({ property, max }) => {
      const value = args[property];
      return value === undefined || value === null || (typeof value === 'string' && maxLength(value, max));
    });
}
