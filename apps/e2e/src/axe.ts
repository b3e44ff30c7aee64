import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Waits until the page stands still for axe: no animation running, and every dialog and menu
 * fully opaque. One fading in has blended colours, and one fading out (a menu closed by its
 * item) is a menu without items; a transition not started yet is not among the animations.
 */
export async function untilStill(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.getAnimations().every((animation) => animation.playState !== 'running') &&
      Array.from(document.querySelectorAll('[role="dialog"], [role="menu"]')).every(
        // One kept mounted while closed is not rendered at all.
        (element) =>
          element.getClientRects().length === 0 || getComputedStyle(element).opacity === '1',
      ),
  );
}

/** The accessibility problems axe rates critical or serious, as "rule: element" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await untilStill(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}
