import type { FindingKind } from './finding';
import type { LanguageReport } from './localization-report';

/** The report's sections, in the order a translator works through them. */
const SECTIONS: { title: string; kinds: FindingKind[] }[] = [
  { title: 'completeness', kinds: ['missing', 'extra', 'empty', 'plural', 'variables'] },
  { title: 'stale', kinds: ['stale', 'untracked', 'orphan'] },
  { title: 'identical to English', kinds: ['identical'] },
  { title: 'glossary', kinds: ['glossary'] },
  { title: 'typography', kinds: ['typography', 'number-format'] },
  { title: 'missing in English (used by the code)', kinds: ['missing-in-english', 'undeclared-dynamic-key'] },
  { title: 'unused', kinds: ['unused'] },
];

function section(report: LanguageReport, title: string, kinds: FindingKind[]): string[] {
  const findings = report.findings.filter((finding) => kinds.includes(finding.kind));
  const head = `  ${title}: ${findings.length === 0 ? 'ok' : findings.length}`;
  return [head, ...findings.map((finding) => `    ${finding.severity === 'failure' ? '✗' : '⚠'} ${finding.message}`)];
}

/** The report as `npm run i18n:check` prints it: per language, each section with its findings (✗ fails, ⚠ warns). */
export function printReport(reports: LanguageReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(`${report.language}: ${report.completeness} % complete`);
    for (const { title, kinds } of SECTIONS) lines.push(...section(report, title, kinds));
  }
  const all = reports.flatMap((report) => report.findings);
  const failed = all.filter((finding) => finding.severity === 'failure').length;
  const warned = all.length - failed;
  lines.push(failed === 0 ? `✓ no failure${warned ? `, ${warned} warning(s)` : ''}` : `${failed} failure(s), ${warned} warning(s)`);
  return lines.join('\n');
}
