import type { Page } from "@playwright/test";

/** Picks a touch in the searchable touch picker, the way a keyboard user would. */
export async function chooseTouch(page: Page, name: string) {
  const picker = page.getByRole("combobox", { name: "Touch" });
  await picker.fill(name);
  const escaped = name.replace(/[$()]/g, "\\$&");
  await page.getByRole("option", { name: new RegExp(`^${escaped} (Physical|eGift)`) }).click();
}

/** Opens a fresh send form and fills a physical, address-confirmation gift. */
export async function fillSendForm(page: Page, email: string, touch = "Coffee for two") {
  await page.goto("/send");
  await chooseTouch(page, touch);
  await page.getByLabel("Recipient name").fill("Jane Doe");
  await page.getByLabel("Recipient email").fill(email);
  await page.getByLabel("Custom message").fill("Thanks for the great call!");
}
