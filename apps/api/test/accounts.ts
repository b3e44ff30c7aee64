import { randomUUID } from 'node:crypto';
import type { Role } from '@spct/contracts';
import { hashPassword } from '../src/auth/passwords';
import type { TestApp, TestClient } from './test-app';

export const TEST_PASSWORD = 'a test password of enough length';

export interface TestMember {
  email: string;
  userId: string;
  membershipId: string;
  workspaceId: string;
  client: TestClient;
}

/** A random unique slug (lowercase letters, digits, hyphens). */
export function uniqueSlug(prefix = 'ws'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/**
 * A new user with a password, made a member of the workspace `slug` (created when missing)
 * with `role`, and signed in.
 */
export async function createMember(
  t: TestApp,
  options: { slug: string; role: Role; organizationId?: string | null },
): Promise<TestMember> {
  const workspace = await t.prisma.workspace.upsert({
    where: { slug: options.slug },
    create: { slug: options.slug, name: `Workspace ${options.slug}` },
    update: {},
  });
  const email = `user-${randomUUID().slice(0, 8)}@example.test`;
  const user = await t.prisma.user.create({
    data: { email, displayName: `User ${email}`, passwordHash: await hashPassword(TEST_PASSWORD) },
  });
  const membership = await t.prisma.membership.create({
    data: {
      userId: user.id,
      workspaceId: workspace.id,
      role: options.role,
      organizationId: options.organizationId ?? null,
    },
  });
  return {
    email,
    userId: user.id,
    membershipId: membership.id,
    workspaceId: workspace.id,
    client: await t.signIn(email, TEST_PASSWORD),
  };
}
