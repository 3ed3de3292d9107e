import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSuiteLogDir, scanSuiteLogs } from '../support/suite-logs';

describe('the scan of the suite’s logs', () => {
  const suiteDir = process.env.SUITE_LOG_DIR;
  afterEach(() => {
    process.env.SUITE_LOG_DIR = suiteDir;
  });

  it('finds e-mails, tokens, demo names and workspace names, and passes clean lines', () => {
    createSuiteLogDir();
    const lines = [
      { msg: 'graphql operation', operationName: 'TeamAccess', errorCodes: [] },
      { msg: 'failed', err: { message: "Duplicate entry 'camille.durand@acme.example'" } },
      { msg: 'x', headers: { authorization: 'Bearer demo-admin-token' } },
      { msg: 'x', name: 'Camille Durand' },
      { msg: 'x', workspaces: ['EMEA'] },
      { msg: 'stack', err: { stack: 'at node_modules/@apollo/server/dist/cjs/index.js:1' } },
    ];
    writeFileSync(join(process.env.SUITE_LOG_DIR!, 'server.log'), lines.map((line) => JSON.stringify(line)).join('\n'));
    const { lines: scanned, leaks } = scanSuiteLogs();
    expect(scanned).toBe(6);
    expect(leaks.map((leak) => leak.split(':')[0])).toEqual(['an e-mail address', 'a bearer token', 'a demo person’s name', 'a demo workspace name']);
  });
});
