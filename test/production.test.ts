import { describeEachDatabase } from './support/each-database';
import { TEAM_ACCESS } from './support/operations';

describeEachDatabase(
  'production mode (NODE_ENV=production)',
  (server) => {
    it('sends no stack trace with an error', async () => {
      const response = await server().gql(TEAM_ACCESS, { first: 1000 });
      expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(response)).not.toContain('stacktrace');
    });

    it('hides what an unexpected failure was, answering INTERNAL_SERVER_ERROR', async () => {
      await server().dataSource.query('ALTER TABLE marketo_workspace RENAME TO marketo_workspace_off');
      try {
        const response = await server().gql('{ marketoWorkspaces { id } }');
        expect(response.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
        expect(response.errors?.[0].message).toBe('Something went wrong on our side. Please try again.');
        expect(JSON.stringify(response)).not.toMatch(/marketo_workspace|stacktrace|SQL/i);
      } finally {
        await server().dataSource.query('ALTER TABLE marketo_workspace_off RENAME TO marketo_workspace');
      }
    });

    it('refuses introspection to an anonymous caller', async () => {
      const response = await server().gql('{ __schema { types { name } } }', {}, { token: null });
      expect(response.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  },
  { production: true },
);

describeEachDatabase('development mode', (server) => {
  it('keeps stack traces off errors the API answers on purpose', async () => {
    const response = await server().gql(TEAM_ACCESS, { first: 1000 });
    expect(response.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'PAGE_SIZE_OUT_OF_RANGE',
      i18nKey: 'errors:request.PAGE_SIZE_OUT_OF_RANGE',
    });
  });
});
