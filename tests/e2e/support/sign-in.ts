import { expect, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { E2E } from "./ports";

export const DEMO_PASSWORD = "giftdesk";

/** Demo users (sandbox/idp/accounts.ts) with a saved session each, written by auth.setup.ts. */
export const ROLES = {
  rep: { email: "rep@giftdesk.test", name: "Riley Rep" },
  rep2: { email: "rep2@giftdesk.test", name: "Sam Seller" },
  manager: { email: "manager@giftdesk.test", name: "Morgan Manager" },
  admin: { email: "admin@giftdesk.test", name: "Avery Admin" },
} as const;
export type RoleName = keyof typeof ROLES;

export const stateFor = (role: RoleName) => `tests/e2e/.auth/${role}.json`;

/** An API client on the app with `role`'s saved session, or with none (anonymous). */
export const requestAs = (playwright: PlaywrightWorkerArgs["playwright"], role?: RoleName) =>
  playwright.request.newContext({ baseURL: E2E.appUrl, ...(role ? { storageState: stateFor(role) } : {}) });
export const REP_STATE = stateFor("rep");

/** The real OIDC round trip: our sign-in page → the dev IdP's login form → back with a session. */
export async function signInThroughIdp(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByRole("button", { name: /Sign in with/ }).click();
  await expect(page.getByRole("heading", { name: "Gift Desk dev sign-in" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Opens the header's account menu (who is signed in, Sign out; the links too on a phone). */
export async function openAccountMenu(page: Page) {
  const menu = page.getByRole("menu");
  const trigger = page.getByRole("button", { name: /^Account menu for / });
  // Right after sign-in the page may still be arriving (a click can land on the page being left):
  // press again until the menu is open.
  await expect(async () => {
    if (!(await menu.isVisible())) await trigger.click();
    await expect(menu).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  return menu;
}

/** Signs out the way a user does: the account menu in the header, then "Sign out". */
export async function signOut(page: Page) {
  const menu = await openAccountMenu(page);
  await menu.getByRole("menuitem", { name: "Sign out" }).click();
}
