import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page } from "@playwright/test";
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

export async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
