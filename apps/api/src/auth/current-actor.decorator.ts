import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor, AuthenticatedRequest, WorkspaceActor } from './actor';

/** The signed-in caller (set by the authentication guard). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route the guard did not authenticate');
  return actor;
});

/** The caller as a member of the route's `:slug` workspace (set by the authentication guard). */
export const CurrentMember = createParamDecorator(
  (_: unknown, context: ExecutionContext): WorkspaceActor => {
    const member = context.switchToHttp().getRequest<AuthenticatedRequest>().workspaceActor;
    if (!member) throw new Error('CurrentMember used on a route without a :slug workspace');
    return member;
  },
);
