import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { projectRoot } from '../src/core/paths';
import { printSortedSchema } from '../src/app/schema';
import * as operations from './support/operations';

describe('schema/schema.graphql', () => {
  it('is the schema the code emits (run `npm run schema:emit` after changing the API)', () => {
    const committed = readFileSync(join(projectRoot, 'schema', 'schema.graphql'), 'utf8');
    expect(printSortedSchema()).toBe(committed);
  });

  it('keeps the names clients rely on; root fields a caller can be refused are nullable (partial data)', () => {
    const schema = printSortedSchema();
    for (const name of [
      'viewer: Viewer\n',
      'marketoConnection: MarketoConnection\n',
      'marketoWorkspaces: [MarketoWorkspace!]\n',
      'auditEvents(',
      'teamAccess(',
    ]) {
      expect(schema).toContain(name);
    }
    for (const name of ['connectMarketo(', 'inviteUsers(', 'connectMarketoUsers(', 'disconnectMarketoUsers(']) expect(schema).toContain(name);
  });

  it('accepts every document the tests share (test/support/operations.ts)', () => {
    const schema = buildSchema(readFileSync(join(projectRoot, 'schema', 'schema.graphql'), 'utf8'));
    const documents = Object.entries(operations);
    expect(documents.length).toBeGreaterThan(5);
    for (const [name, document] of documents) {
      expect({ name, errors: validate(schema, parse(document)).map((error) => error.message) }).toEqual({ name, errors: [] });
    }
  });
});
