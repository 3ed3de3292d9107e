import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/core/paths';
import { printSortedSchema } from '../src/app/schema';

describe('schema/schema.graphql', () => {
  it('is the schema the code emits (run `npm run schema:emit` after changing the API)', () => {
    const committed = readFileSync(join(projectRoot, 'schema', 'schema.graphql'), 'utf8');
    expect(printSortedSchema()).toBe(committed);
  });

  it('keeps the names clients rely on', () => {
    const schema = printSortedSchema();
    for (const name of ['viewer: Viewer!', 'marketoConnection: MarketoConnection!', 'marketoWorkspaces: [MarketoWorkspace!]!', 'auditEvents(', 'teamAccess(']) {
      expect(schema).toContain(name);
    }
    for (const name of ['connectMarketo(', 'inviteUsers(', 'connectMarketoUsers(', 'disconnectMarketoUsers(']) expect(schema).toContain(name);
  });
});
