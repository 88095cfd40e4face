import { expect, type Page } from "@playwright/test";

/** Connects the signed-in user's Sendoso account through the simulator's OAuth consent screen. */
export async function connectSendoso(page: Page, sendosoUser = "Avery Chen") {
  await page.goto("/settings");
  await page
    .getByTestId("own-connection")
    .getByRole("button", { name: /Connect Sendoso|Reconnect Sendoso/ })
    .click();
  await expect(
    page.getByRole("heading", { name: /Authorize .* to use your Sendoso account\?/ }),
  ).toBeVisible();
  await page.getByLabel(new RegExp(`^${sendosoUser}`)).check();
  await page.getByRole("button", { name: "Authorize" }).click();
  await expect(page).toHaveURL(/\/settings\?sendoso=connected/);
}
