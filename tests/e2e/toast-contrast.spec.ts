import { pageAs } from "./history-support";
import { expectNoViolations } from "./support/axe";
import { removeAllSpendSettings } from "./support/spend";
import { expect, test } from "./support/test";

test.afterAll(async ({ browser }) => {
  await removeAllSpendSettings(await pageAs(browser, "admin"));
});

/**
 * axe once failed on a toast's title because it ran mid-fade. This records the toast title's effective
 * opacity (its own times every ancestor's) in every animation frame from mount to removal: each frame
 * must show the text fully or not at all, never blended with the page.
 */
test("a toast's text is fully opaque or hidden in every frame, and axe passes once it settles", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/spend");
  await admin.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { toastOpacities: number[] }).toastOpacities = seen;
    const effectiveOpacity = (start: Element) => {
      let opacity = 1;
      for (let el: Element | null = start; el; el = el.parentElement) {
        opacity *= Number(getComputedStyle(el).opacity);
      }
      return opacity;
    };
    const sample = () => {
      const title = document.querySelector("[data-sonner-toast] [data-title]");
      if (title) seen.push(effectiveOpacity(title));
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  const form = admin.getByRole("form", { name: "Approval rule for team a" });
  await form.getByLabel(/^Approval above/).fill("500");
  await form.getByRole("button", { name: "Save rule" }).click();
  const toast = admin.locator("[data-sonner-toast]").filter({ hasText: "Approval rule for team a saved" });
  await expect(toast).toBeVisible();
  // Sonner pauses its auto-dismiss timer while the pointer is on the toast: a slow axe run must not
  // outlast it.
  await toast.hover();
  await expectNoViolations(admin);
  // Close it and keep sampling through its exit.
  await toast.getByRole("button", { name: /close/i }).click();
  await expect(toast).toHaveCount(0);
  const opacities = await admin.evaluate(
    () => (window as unknown as { toastOpacities: number[] }).toastOpacities,
  );
  expect(opacities.length).toBeGreaterThan(10);
  expect(opacities.filter((o) => o > 0.001 && o < 0.999)).toEqual([]);
});
