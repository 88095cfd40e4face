import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "giftdesk";

/** Saved session of rep@giftdesk.test, written by auth.setup.ts. */
export const REP_STATE = "tests/e2e/.auth/rep.json";

/** The real OIDC round trip: our sign-in page → the dev IdP's login form → back with a session. */
export async function signInThroughIdp(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByRole("button", { name: /Sign in with/ }).click();
  await expect(page.getByRole("heading", { name: "Gift Desk dev sign-in" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
