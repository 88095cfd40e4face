import { expect, type Page } from "@playwright/test";
import { chooseTouch } from "./send-form";

/** Physical, no price from Sendoso: it counts at the admin's estimate, which the approvals spec sets. */
export const FLEECE = "Patagonia fleece";

/** Asks for a fleece for `email` and expects it to wait for approval; returns the send's id. */
export async function requestFleece(page: Page, email: string): Promise<string> {
  await page.goto("/send");
  await chooseTouch(page, FLEECE);
  await page.getByLabel("Recipient name").fill("Pat Partner");
  await page.getByLabel("Recipient email").fill(email);
  await page.getByLabel("Custom message").fill("Thanks for the partnership!");
  await page.getByRole("button", { name: "Send gift" }).click();
  await expect(page.getByRole("heading", { name: "Gift waiting for approval" })).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: "Waiting for approval — nothing sent" }),
  ).toBeVisible();
  const href = await page.getByRole("link", { name: "View in History" }).getAttribute("href");
  const id = href?.split("/").pop();
  if (!id) throw new Error("no history link on the outcome panel");
  return id;
}

/** Removes every budget, approval rule and estimate, so the specs after this one send unhindered. */
export async function removeAllSpendSettings(admin: Page) {
  await admin.goto("/admin/spend");
  const removes = admin.getByRole("button", { name: /^Remove / });
  for (let n = await removes.count(); n > 0; n = await removes.count()) {
    await removes.first().click();
    await expect(removes).toHaveCount(n - 1);
  }
}
