import { canonicalText, hasForbiddenCharacter, hasVisibleCharacter, nameKey } from '../../core/canonical-text';
import { DEFAULT_WORKSPACE_NAME } from './marketo-workspace.entity';
import { duplicateWorkspaceName, invalidWorkspaceName, WorkspaceNameProblem } from './organization.errors';

const DEFAULT_ONLY = [{ name: DEFAULT_WORKSPACE_NAME, nameKey: nameKey(DEFAULT_WORKSPACE_NAME) }];

/**
 * Of connectMarketo's workspace names, canonical (NFC, trimmed), those the organization does not have
 * yet; or the request error that refuses them all: a control or bidi character, a name with nothing
 * visible, two names of the call that are one name ignoring case and accents (core/canonical-text
 * `nameKey`), or a name that is an existing workspace's under another spelling ("default", "emea").
 * The exact name of an existing workspace is that workspace: "Default" may be listed. Pure; `existing`
 * defaults to the Default workspace every connected organization has.
 */
export function missingWorkspaceNames(given: readonly string[], existing: readonly { name: string; nameKey: string }[] = DEFAULT_ONLY): string[] {
  const existingByKey = new Map(existing.map((workspace) => [workspace.nameKey, workspace.name]));
  const givenByKey = new Map<string, string>();
  const missing: string[] = [];
  given.forEach((raw, index) => {
    const name = canonicalText(raw);
    if (hasForbiddenCharacter(name)) throw invalidWorkspaceName(WorkspaceNameProblem.FORBIDDEN_CHARACTER, index);
    if (!hasVisibleCharacter(name)) throw invalidWorkspaceName(WorkspaceNameProblem.NO_VISIBLE_CHARACTER, index);
    const key = nameKey(name);
    const earlier = givenByKey.get(key);
    if (earlier !== undefined) throw duplicateWorkspaceName(name, earlier);
    givenByKey.set(key, name);
    const current = existingByKey.get(key);
    if (current === undefined) missing.push(name);
    else if (current !== name) throw duplicateWorkspaceName(name, current);
  });
  return missing;
}
