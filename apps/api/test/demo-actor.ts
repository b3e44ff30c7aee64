import type { WorkspaceActor } from '../src/auth/actor';
import type { TestApp } from './test-app';

/** A demo persona as the services see it in the demo workspace (`seedDemo: true`). */
export async function demoActor(t: TestApp, email: string): Promise<WorkspaceActor> {
  const workspace = await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } });
  const user = await t.prisma.user.findUniqueOrThrow({ where: { email } });
  const membership = await t.prisma.membership.findFirstOrThrow({
    where: { userId: user.id, workspaceId: workspace.id },
  });
  return {
    userId: user.id,
    workspaceId: workspace.id,
    slug: workspace.slug,
    role: membership.role,
    organizationId: membership.organizationId,
  };
}
