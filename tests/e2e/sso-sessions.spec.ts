import { readFile } from "node:fs/promises";
import { expectNoViolations, pageAs } from "./history-support";
import { E2E } from "./support/ports";
import { openAccountMenu, signInThroughIdp, signOut } from "./support/sign-in";
import { type Browser, expect, type Page, test } from "./support/test";

/**
 * Claims modes of the dev IdP and sessions that end when they should. Uses demo users no saved session
 * belongs to (temp, leaver, manager2): signing them out never ends another spec's session.
 */
const idp = (path: string, body?: unknown) =>
  fetch(`${E2E.idpUrl}/__idp${path}`, {
    method: body === undefined ? "POST" : "PUT",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

test.afterEach(async () => {
  await idp("/reset");
});

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughIdp(page, email);
  await expect(page).toHaveURL(/\/send$/);
  return page;
}

async function adminUsersRow(browser: Browser, email: string) {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/send");
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(admin.getByRole("heading", { name: "Users" })).toBeVisible();
  await admin.getByLabel("Search").fill(email);
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin).toHaveURL(new RegExp(`q=${encodeURIComponent(email)}`));
  return { admin, row: admin.getByTestId(`user-row-${email}`) };
}

async function confirmRowAction(admin: Page, label: string, email: string, confirm: string) {
  await admin.getByRole("button", { name: `${label} ${email}` }).click();
  await admin.getByRole("dialog").getByRole("button", { name: confirm }).click();
  await expect(admin.getByRole("dialog")).toHaveCount(0);
}

test("groups only in the ID token, as Keycloak paths: the manager signs in as a manager", async ({
  browser,
}) => {
  expect((await idp("/mode", { groupsIn: "id_token", groupFormat: "path" })).ok).toBe(true);
  const page = await signedIn(browser, "manager2@giftdesk.test");
  await expect(await openAccountMenu(page)).toContainText("manager2@giftdesk.test · Manager · team b");
  await page.goto("/approvals");
  await expect(page.getByRole("heading", { name: "Approvals" })).toBeVisible();
});

test("after sign-out, the old session cookie is signed out too", async ({ browser }) => {
  const page = await signedIn(browser, "temp@giftdesk.test");
  const cookies = await page.context().cookies();
  await signOut(page);
  await expect(page).toHaveURL(/\/signin/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const stolen = await replay.newPage();
  await stolen.goto("/history");
  await expect(stolen).toHaveURL(/\/signin\?error=SessionEnded/);
  await expect(stolen.getByRole("alert").filter({ hasText: "Your session has ended" })).toBeVisible();
  const api = await replay.request.get("/api/notifications/unread");
  expect(api.status()).toBe(401);
});

test("an admin's sign-out-everywhere ends the user's session in another browser", async ({ browser }) => {
  const user = await signedIn(browser, "leaver@giftdesk.test");
  const { admin, row } = await adminUsersRow(browser, "leaver@giftdesk.test");
  await expect(row).toContainText("IdP groups");
  await expectNoViolations(admin);
  await confirmRowAction(admin, "Sign out everywhere", "leaver@giftdesk.test", "Sign out everywhere");
  await expect(admin.getByText("leaver@giftdesk.test is signed out everywhere.")).toBeVisible();

  await user.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" }).click();
  await expect(user).toHaveURL(/\/signin\?error=SessionEnded/);
  // Signing in again works: only sessions from before were ended.
  await signInThroughIdp(user, "leaver@giftdesk.test");
  await expect(user).toHaveURL(/\/send$/);
});

test("a suspended user is refused at the next request and at sign-in, until restored", async ({
  browser,
}) => {
  const user = await signedIn(browser, "leaver@giftdesk.test");
  const { admin, row } = await adminUsersRow(browser, "leaver@giftdesk.test");
  await confirmRowAction(admin, "Suspend", "leaver@giftdesk.test", "Suspend");
  await expect(row).toContainText("Suspended");

  await user.reload();
  await expect(user).toHaveURL(/\/signin\?error=Suspended/);
  await expect(
    user.getByRole("alert").filter({ hasText: "Your Gift Desk access is suspended" }),
  ).toBeVisible();
  await signInThroughIdp(user, "leaver@giftdesk.test");
  await expect(user).toHaveURL(/\/signin\?error=Suspended/);

  // Suspended users are one filter away, and the export carries the filter; both are on the record.
  await admin.goto("/admin/users?state=suspended");
  await expect(admin.getByTestId("user-row-leaver@giftdesk.test")).toBeVisible();
  const download = admin.waitForEvent("download");
  await admin.getByRole("button", { name: "Export CSV" }).click();
  const csv = await readFile((await (await download).path()) ?? "", "utf8");
  expect(csv).toContain("leaver@giftdesk.test,Lou Leaver,rep,a,idp,suspended");
  expect(csv).not.toContain("rep@giftdesk.test");

  await admin.goto("/admin/users?q=leaver%40giftdesk.test");
  await confirmRowAction(admin, "Restore", "leaver@giftdesk.test", "Restore access");
  await expect(admin.getByTestId("user-row-leaver@giftdesk.test")).not.toContainText("Suspended");
  await signInThroughIdp(user, "leaver@giftdesk.test");
  await expect(user).toHaveURL(/\/send$/);

  await admin.goto("/admin/audit?targetType=user");
  const rows = admin.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "User restored" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "User suspended" }).first()).toBeVisible();
  await admin.goto("/admin/audit?action=export.users");
  await expect(rows.first()).toContainText("admin@giftdesk.test");
});
