import type { Role } from '@spct/contracts';

/**
 * Where a member enters a workspace: editors, who report on their organization's commitments,
 * on what waits for them ("My work"); everyone else, who watches how the commitments stand, on
 * the dashboard.
 */
export function landingPage(role: Role): '/w/$slug/my-work' | '/w/$slug/dashboard' {
  return role === 'EDITOR' ? '/w/$slug/my-work' : '/w/$slug/dashboard';
}
