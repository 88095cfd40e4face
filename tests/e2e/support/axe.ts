import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Waits until no CSS transition or animation is running (a toast sliding in, a dialog opening), so
 * axe measures what the user ends up seeing rather than one frame of a movement.
 */
export async function waitForAnimationsToSettle(page: Page) {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
  );
}

/** Runs axe on the settled page and lists every violation as `rule: selectors` (empty = clean). */
export async function expectNoViolations(page: Page) {
  await waitForAnimationsToSettle(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
