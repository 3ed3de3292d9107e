import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the operation asks, below the current field, for the field at `path` (through fragments
 * and inline fragments), so a resolver can load what its children need in one go.
 */
export function selects(info: GraphQLResolveInfo, path: string[]): boolean {
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && selectsIn(info, node.selectionSet, path));
}

function selectsIn(info: GraphQLResolveInfo, selectionSet: SelectionSetNode, path: string[]): boolean {
  const [name, ...rest] = path;
  return selectionSet.selections.some((selection) => {
    if (selection.kind === 'Field') {
      if (selection.name.value !== name) return false;
      return rest.length === 0 || (selection.selectionSet !== undefined && selectsIn(info, selection.selectionSet, rest));
    }
    const fragment = selection.kind === 'InlineFragment' ? selection : info.fragments[selection.name.value];
    return fragment !== undefined && selectsIn(info, fragment.selectionSet, path);
  });
}
