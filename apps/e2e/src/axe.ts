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

/**
 * axe-core with the WCAG 2.1 A and AA rules, run in the page itself (axe.run, "legacy mode").
 * The default runs the rules in each frame, then opens a blank page to merge the frames'
 * results: three to four times as long on a loaded machine (the commitments list 4.6–5.2 s
 * against 1.0–1.4 s). The app has no frames (legacy mode would still check same-origin ones), and
 * both ways gave the same violations, passes and incomplete results, planted violations included.
 */
export function wcagAxe(page: Page): AxeBuilder {
  return new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode();
}

/** The accessibility problems axe rates critical or serious, once the page is still: one readable line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await untilStill(page);
  const results = await wcagAxe(page).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
      ),
    );
}
