// Fails (exit 1) when schema/schema.graphql breaks the contract last released to clients, schema/released.graphql:
// every change graphql-inspector rates BREAKING is listed, except the removal of what released.graphql had already
// @deprecated (fields, input fields, enum values and arguments: deprecate first, remove in a later release).
// Usage: node scripts/schema-breaking-check.mjs [current.graphql] [released.graphql] (paths relative to the project root).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CriticalityLevel, diff, DiffRule } from '@graphql-inspector/core';
import { buildSchema, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** graphql-inspector's suppressRemovalOfDeprecatedField covers fields, input fields and enum values; this adds arguments. */
const suppressRemovalOfDeprecatedArgument = ({ changes, oldSchema }) =>
  changes.map((change) => {
    if (change.type !== 'FIELD_ARGUMENT_REMOVED' || change.criticality.level !== CriticalityLevel.Breaking || !change.path) return change;
    const [typeName, fieldName, argumentName] = change.path.split('.');
    const type = oldSchema.getType(typeName);
    const field = isObjectType(type) || isInterfaceType(type) || isInputObjectType(type) ? type.getFields()[fieldName] : undefined;
    const argument = field?.args?.find((arg) => arg.name === argumentName);
    return argument?.deprecationReason != null ? { ...change, criticality: { ...change.criticality, level: CriticalityLevel.Dangerous } } : change;
  });

/** The changes from `releasedSdl` to `currentSdl` that break released clients. */
export async function breakingChanges(releasedSdl, currentSdl) {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl), [
    DiffRule.suppressRemovalOfDeprecatedField,
    suppressRemovalOfDeprecatedArgument,
  ]);
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
}

async function main([current = 'schema/schema.graphql', released = 'schema/released.graphql']) {
  const read = (path) => readFileSync(resolve(root, path), 'utf8');
  const breaking = await breakingChanges(read(released), read(current));
  if (breaking.length === 0) {
    console.log(`schema:check: no breaking change from ${released} to ${current}`);
    return 0;
  }
  console.error(`schema:check: ${breaking.length} breaking change(s) from ${released} to ${current}:`);
  for (const change of breaking)
    console.error(`  - ${change.path ?? ''}: ${change.message}${change.criticality.reason ? ` (${change.criticality.reason})` : ''}`);
  console.error('Deprecate first (@deprecated with a reason), release, then remove; see "Schema changes" in README.md.');
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
