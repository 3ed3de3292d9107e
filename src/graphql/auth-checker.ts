import { createParameterDecorator, type AuthChecker } from 'type-graphql';
import { requestError } from '../core/app-error';
import { RequestErrorCode } from '../core/error-codes';
import type { Role, Viewer } from '../core/viewer';
import type { GraphQLContext } from './context';

/** `@Authorized()` needs a viewer; `@Authorized(Role.ADMIN)` needs one of those roles (R9). */
export const authChecker: AuthChecker<GraphQLContext, Role> = ({ context }, roles) => {
  if (!context.viewer) throw requestError(RequestErrorCode.UNAUTHENTICATED);
  if (roles.length > 0 && !roles.includes(context.viewer.role)) throw requestError(RequestErrorCode.FORBIDDEN);
  return true;
};

/** The caller of a request that must have one: UNAUTHENTICATED without. */
export function viewerOf(context: GraphQLContext): Viewer {
  if (!context.viewer) throw requestError(RequestErrorCode.UNAUTHENTICATED);
  return context.viewer;
}

/** The caller, as a resolver parameter; only on fields guarded by `@Authorized`, which checked it. */
export function CurrentViewer(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator<GraphQLContext>(({ context }): Viewer => viewerOf(context));
}
