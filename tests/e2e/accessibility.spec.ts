import { expectNoViolations } from "./support/axe";
import { uniqueEmail } from "./support/sandbox";
import { chooseTouch } from "./support/send-form";
import { REP_STATE } from "./support/sign-in";
import { expect, test } from "./support/test";

test("the sign-in page, with and without an error, has no accessibility violations", async ({ page }) => {
  await page.goto("/signin");
  await expectNoViolations(page);
  await page.goto("/signin?error=DomainNotAllowed");
  await expectNoViolations(page);
});

test.describe("signed in", () => {
  test.use({ storageState: REP_STATE });

  test("the send page, its field errors and its success panel have no violations", async ({ page }) => {
    await page.goto("/send");
    await expectNoViolations(page);
    await page.getByRole("button", { name: "Send gift" }).click();
    await expect(page.getByTestId("touchId-error")).toBeVisible();
    await expectNoViolations(page);
    await chooseTouch(page, "Coffee for two");
    await page.getByLabel("Recipient name").fill("Axe Tester");
    await page.getByLabel("Recipient email").fill(uniqueEmail("axe"));
    await page.getByRole("button", { name: "Send gift" }).click();
    await expect(page.getByTestId("tracking-code")).toBeVisible();
    await expectNoViolations(page);
  });

  test("the history page has no violations", async ({ page }) => {
    await page.goto("/history");
    await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
    await expectNoViolations(page);
  });
});
