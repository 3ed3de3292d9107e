import { scanSuiteLogs } from './suite-logs';

/** Fails the run when any test server logged personal data or a token (suite-logs.ts). */
export default function globalTeardown(): void {
  const { lines, leaks } = scanSuiteLogs();
  console.log(`\nScanned ${lines} log lines of the suite's servers for personal data and tokens: ${leaks.length} found.`);
  if (leaks.length > 0) throw new Error(`Personal data or tokens in the logs:\n${leaks.slice(0, 20).join('\n')}`);
}
