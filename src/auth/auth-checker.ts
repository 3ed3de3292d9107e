import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../context';
import { AppError } from '../errors/app-error';
import { RequestErrorCode } from '../errors/error-codes';
import type { Role } from '../team/team-user.entity';

/** `@Authorized()` needs a viewer; `@Authorized(Role.ADMIN)` needs one of those roles (R9). */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (!context.viewer) throw new AppError(RequestErrorCode.UNAUTHENTICATED);
  if (roles.length > 0 && !roles.includes(context.viewer.user.role)) throw new AppError(RequestErrorCode.FORBIDDEN);
  return true;
};

/** The viewer of a resolver guarded by `@Authorized`. */
export function viewerOf(context: RequestContext) {
  if (!context.viewer) throw new AppError(RequestErrorCode.UNAUTHENTICATED);
  return context.viewer;
}
