/** Quoted text in an error message: where drivers and parsers echo values (`Duplicate entry 'ann@acme.example' for key …`). */
const QUOTED = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;
/** SQL string literals; identifiers (`"team_user"`, `` `email` ``) keep the statement's shape and stay. */
const SQL_STRING = /'(?:[^'\\]|\\.|'')*'/g;
const MAX_CAUSES = 3;

/** A message with its quoted parts replaced by `'…'`: the words and the SQL shape stay, the values go. */
export function withoutQuotedValues(text: string): string {
  return text.replace(QUOTED, "'…'");
}

/**
 * pino's `err` serializer: what a log line keeps of an error. Type, message and stack without the values
 * they quote, the driver's codes (`code`, `errno`, `sqlState`) and a failed query's SQL without its
 * literals; never TypeORM's `parameters` nor the driver's own error (`driverError`, `sqlMessage`),
 * which repeat the names and e-mails being written.
 */
export function errorForLog(error: Error): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' }; // `err` that is not an Error: nothing said of it
  return redacted(error, 0);
}

interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

function redacted(error: Error, depth: number): LoggedError {
  const fields = error as Error & Record<string, unknown>;
  const message = withoutQuotedValues(String(error.message));
  const logged: LoggedError = { type: error.constructor?.name ?? error.name, message, stack: stackFrames(error, message) };
  for (const key of ['code', 'errno', 'sqlState'] as const) if (typeof fields[key] === 'string' || typeof fields[key] === 'number') logged[key] = fields[key];
  if (typeof fields.query === 'string') logged.query = fields.query.replace(SQL_STRING, "'…'");
  if (error.cause instanceof Error && depth < MAX_CAUSES) logged.cause = redacted(error.cause, depth + 1);
  return logged;
}

/** The stack's frames under the redacted first line (V8 repeats the message there). */
function stackFrames(error: Error, message: string): string {
  const frames = (error.stack ?? '').split('\n').filter((line) => line.startsWith('    at '));
  return [`${error.name}: ${message}`, ...frames].join('\n');
}
