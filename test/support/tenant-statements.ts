/**
 * The organization_id rule (README, "Concurrency and retries"): every statement that reads or writes a
 * tenant table names the organization — in its WHERE (or, for an INSERT, its columns) and in the ON of
 * every join to a tenant table — so that an engine sharded by organization_id (Vitess) keeps each
 * statement, and each organization's transaction, on one shard.
 */
export const TENANT_TABLES = new Set([
  'team_user',
  'api_token',
  'marketo_workspace',
  'marketo_access_grant',
  'marketo_access_grant_workspace',
  'audit_event',
  'idempotency_record',
]);

/**
 * The one exception: the token lookup that starts every request finds the token by its hash, before
 * the organization is known (on Vitess: a lookup vindex from token_hash to organization_id).
 */
const TOKEN_LOOKUP = /\bWHERE\s+\w+\.token_hash\s*=\s*\?\s*$/i;

const CLAUSE_END = /\b(?:(?:LEFT|RIGHT|INNER|CROSS)\s+)?JOIN\b|\bWHERE\b|\bGROUP\s+BY\b|\bORDER\s+BY\b|\bLIMIT\b|\bUNION\b|\)\s*(?:AS\s+)?\w*\s*$/i;

/** Why a statement breaks the rule, or null when it keeps it (or touches no tenant table). */
export function tenantRuleViolation(statement: string): string | null {
  const sql = statement.replace(/[`"]/g, '').replace(/\s+/g, ' ').trim();
  for (const join of sql.matchAll(/\bJOIN (\w+)(?: (?:AS )?(\w+))? ON (.*)/gi)) {
    if (!TENANT_TABLES.has(join[1].toLowerCase())) continue;
    const condition = join[3].split(CLAUSE_END)[0];
    if (!/organization_id/i.test(condition)) return `join to ${join[1]} without organization_id`;
  }
  const insert = /^INSERT INTO (\w+)\s*\(([^)]*)\)/i.exec(sql);
  if (insert)
    return TENANT_TABLES.has(insert[1].toLowerCase()) && !/organization_id/i.test(insert[2]) ? `insert into ${insert[1]} without organization_id` : null;
  const target = /^(?:SELECT .*? FROM|UPDATE|DELETE FROM) (\w+)/i.exec(sql);
  if (!target || !TENANT_TABLES.has(target[1].toLowerCase()) || TOKEN_LOOKUP.test(sql)) return null;
  const where = sql.slice(sql.search(/\bWHERE\b/i));
  return /\bWHERE\b/i.test(sql) && /organization_id/i.test(where) ? null : `${target[1]} read or written without organization_id in its WHERE`;
}
