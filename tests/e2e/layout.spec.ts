import { pageAs, sendThroughUi } from "./history-support";
import { expectNoViolations } from "./support/axe";
import { uniqueEmail } from "./support/sandbox";
import { ROLES, type RoleName } from "./support/sign-in";
import { expect, type Page, test } from "./support/test";

/** Vertical spread of the header row's items: 0 when they all sit on one line. */
async function headerRowSpread(page: Page): Promise<number> {
  return page.locator("header > div").evaluate((row) => {
    const tops = [...row.querySelectorAll(":scope > *, :scope > * > *")]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => el.getBoundingClientRect())
      .map((box) => box.top + box.height / 2);
    return Math.max(...tops) - Math.min(...tops);
  });
}

for (const role of Object.keys(ROLES) as RoleName[]) {
  test(`at 1280 px the ${role}'s header fits on one row`, async ({ browser }) => {
    const page = await pageAs(browser, role);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/history");
    await expect(page.getByTestId("sendoso-status")).toContainText("Sendoso:");
    // Centres within a few pixels: nothing wrapped onto a second row.
    expect(await headerRowSpread(page)).toBeLessThan(8);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  });
}

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the header's menu holds the links, and history is stacked cards without sideways scrolling", async ({
    browser,
  }) => {
    const page = await pageAs(browser, "rep");
    await page.setViewportSize({ width: 390, height: 844 });
    await sendThroughUi(page, uniqueEmail("phone"));
    await expect(page.getByTestId("tracking-code")).toBeVisible();

    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await page.getByRole("button", { name: /^Account menu for Riley Rep/ }).click();
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitem", { name: "Send" })).toBeVisible();
    await expect(menu).toContainText("rep@giftdesk.test");
    await expectNoViolations(page);
    await page.keyboard.press("ArrowDown");
    await menu.getByRole("menuitem", { name: "History" }).click();
    await expect(page).toHaveURL(/\/history$/);

    const row = page.getByTestId("history-row").first();
    await expect(row).toBeVisible();
    // A card: its cells are stacked (one above the other), each named by its column.
    const cells = row.locator("td");
    const first = await cells.nth(0).boundingBox();
    const second = await cells.nth(1).boundingBox();
    expect(second?.y ?? 0).toBeGreaterThan((first?.y ?? 0) + (first?.height ?? 0) - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoViolations(page);
  });
});
