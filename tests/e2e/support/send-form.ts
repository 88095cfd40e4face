import { expect, type Page } from "@playwright/test";

/** Picks a touch card (a radio named by the touch's name alone) in the send form's touch picker. */
export async function chooseTouch(page: Page, name: string) {
  const radio = page.getByRole("radiogroup", { name: "Touch" }).getByRole("radio", { name, exact: true });
  // The radio itself is visually hidden; the card around it (its label) is what a pointer clicks.
  await page
    .getByTestId("touch-card")
    .filter({ has: page.getByRole("radio", { name, exact: true }) })
    .click();
  await expect(radio).toBeChecked();
}

/** Opens a fresh send form and fills a physical, address-confirmation gift. */
export async function fillSendForm(page: Page, email: string, touch = "Coffee for two") {
  await page.goto("/send");
  await chooseTouch(page, touch);
  await page.getByLabel("Recipient name").fill("Jane Doe");
  await page.getByLabel("Recipient email").fill(email);
  await page.getByLabel("Custom message").fill("Thanks for the great call!");
}
