import type { Browser, Page } from "@playwright/test";

export { expectNoViolations } from "./support/axe";

import { fillSendForm } from "./support/send-form";
import { type RoleName, stateFor } from "./support/sign-in";

/** A page signed in as `role` (saved session from auth.setup.ts). */
export async function pageAs(browser: Browser, role: RoleName): Promise<Page> {
  return (await browser.newContext({ storageState: stateFor(role) })).newPage();
}

/** Sends a gift through the send form, as a rep would; returns the tracking code shown. */
export async function sendThroughUi(page: Page, email: string, company?: string) {
  await fillSendForm(page, email);
  if (company) await page.getByLabel("Company").fill(company);
  await page.getByRole("button", { name: "Send gift" }).click();
}
