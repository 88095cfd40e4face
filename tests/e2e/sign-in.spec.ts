import { E2E } from "./support/ports";
import { openAccountMenu, signInThroughIdp, signOut } from "./support/sign-in";
import { expect, test } from "./support/test";

test.describe("sign-in through the dev IdP", () => {
  test("a signed-out visitor is sent to sign-in, and comes back to the page they asked for", async ({
    page,
  }) => {
    await page.goto("/history");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fhistory/);
    await page.getByRole("button", { name: /Sign in with/ }).click();
    await page.getByLabel("Email").fill("manager@giftdesk.test");
    await page.getByLabel("Password").fill("giftdesk");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/history$/);
    await expect(await openAccountMenu(page)).toContainText("manager@giftdesk.test · Manager · team a");
  });

  test("a wrong password is refused by the IdP and nothing is signed in", async ({ page }) => {
    await signInThroughIdp(page, "rep@giftdesk.test", "wrong-password");
    await expect(page.getByRole("alert")).toHaveText(/Wrong email or password/);
    await page.goto("/send");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an email outside the allowed domains is refused with a clear reason", async ({ page }) => {
    await signInThroughIdp(page, "outsider@example.com");
    await expect(page).toHaveURL(/\/signin\?error=DomainNotAllowed/);
    await expect(
      page.getByRole("alert").filter({ hasText: "This email domain is not allowed" }),
    ).toBeVisible();
  });

  test("an unverified email is refused", async ({ page }) => {
    await signInThroughIdp(page, "unverified@giftdesk.test");
    await expect(page.getByRole("alert").filter({ hasText: "Your email is not verified" })).toBeVisible();
  });

  test("a cancelled login comes back with a calm message", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: /Sign in with/ }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Sign-in was cancelled" })).toBeVisible();
  });

  // Sign-out ends every session of that user, so not one with a saved e2e session (rep2 has one).
  test("sign-out ends the session", async ({ page }) => {
    await signInThroughIdp(page, "temp@giftdesk.test");
    await expect(page.getByTestId("signed-in-user")).toHaveText("Toni Temp");
    await signOut(page);
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/history");
    await expect(page).toHaveURL(/\/signin/);
  });
});

test.describe("roles come from the IdP's groups at every sign-in", () => {
  const setGroups = (email: string, groups: string[]) =>
    fetch(`${E2E.idpUrl}/__idp/users/${encodeURIComponent(email)}/groups`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ groups }),
    });
  test.afterEach(async () => {
    await fetch(`${E2E.idpUrl}/__idp/reset`, { method: "POST" });
  });

  test("a manager removed from the managers group is a rep at the next sign-in", async ({ page }) => {
    await signInThroughIdp(page, "manager2@giftdesk.test");
    await expect(await openAccountMenu(page)).toContainText("manager2@giftdesk.test · Manager · team b");
    await signOut(page);
    await expect(page).toHaveURL(/\/signin/);

    expect((await setGroups("manager2@giftdesk.test", ["team-a"])).ok).toBe(true);
    await signInThroughIdp(page, "manager2@giftdesk.test");
    await expect(await openAccountMenu(page)).toContainText("manager2@giftdesk.test · Rep · team a");
    await page.goto("/history");
    await expect(page.getByText("Your sends")).toBeVisible();
  });
});
