import { createSuiteLogDir } from './suite-logs';

export default function globalSetup(): void {
  createSuiteLogDir();
}
