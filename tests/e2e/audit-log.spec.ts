import { readFile } from "node:fs/promises";
import { expectNoViolations, pageAs } from "./history-support";
import { requestAs, signInThroughIdp } from "./support/sign-in";
import { expect, test } from "./support/test";

test("an admin browses and filters the audit log, and downloads it as CSV", async ({ browser }) => {
  // A refused sign-in, through the real IdP round trip: recorded with the reason and a request id.
  const outsider = await browser.newContext();
  const refused = await outsider.newPage();
  await signInThroughIdp(refused, "outsider@example.com");
  await expect(refused).toHaveURL(/\/signin\?error=DomainNotAllowed/);
  await outsider.close();

  const page = await pageAs(browser, "admin");
  await page.goto("/send");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  // Every role signed in and connected Sendoso in auth.setup.ts.
  const rows = page.getByTestId("audit-row");
  await expect(
    rows.filter({ hasText: "rep@giftdesk.test" }).filter({ hasText: "Signed in" }).first(),
  ).toBeVisible();
  await expectNoViolations(page);

  await page.getByLabel("Action").selectOption({ label: "Sign-in refused" });
  await page.getByLabel("Actor email").fill("OUTSIDER@");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=user\.sign_in_refused/);
  await expect(page).toHaveURL(/actor=OUTSIDER%40/);
  const refusal = rows.first();
  await expect(refusal).toContainText("outsider@example.com");
  await expect(refusal).toContainText("DomainNotAllowed");
  await expect(refusal.locator("code").last()).toHaveText(/^[0-9a-f]{8}$/);
  for (const row of await rows.all()) await expect(row).toContainText("Sign-in refused");

  // Before and after read field by field: the manager's Sendoso connection.
  await page.goto("/admin/audit?action=sendoso_connection.connected&actor=manager%40giftdesk.test");
  await expect(rows.first()).toContainText("sendosoEmail");
  const shown = await rows.count();
  expect(shown).toBeGreaterThan(0);
  for (const row of await rows.all()) await expect(row).toContainText("manager@giftdesk.test");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const csv = await readFile((await (await download).path()) ?? "", "utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const lines = csv.slice(1).trim().split("\r\n");
  expect(lines[0]).toBe(
    "Time (UTC),Actor email,Actor id,Action,Target type,Target id,Before,After,Request id,Entry id",
  );
  expect(lines).toHaveLength(shown + 1);
  for (const line of lines.slice(1))
    expect(line).toMatch(/^[^,]+,manager@giftdesk\.test,[^,]+,sendoso_connection\.connected,/);

  // The download itself is on the record, with its filters and row count.
  await page.goto("/admin/audit?action=export.audit_log");
  await expect(rows.first()).toContainText("admin@giftdesk.test");
  await expect(rows.first()).toContainText(`rows${shown}`);
});

for (const role of ["rep", "manager"] as const) {
  test(`a ${role} cannot see the audit log or export it`, async ({ browser, playwright }) => {
    const page = await pageAs(browser, role);
    await page.goto("/send");
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }),
    ).toHaveCount(0);
    const response = await page.goto("/admin/audit");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Audit log" })).toHaveCount(0);

    const request = await requestAs(playwright, role);
    const exported = await request.post("/api/audit/export");
    expect(exported.status()).toBe(404);
    expect(await exported.text()).not.toContain("Time (UTC)");
    await request.dispose();
  });
}

test("every response carries a request id, never one the client chose", async ({ request }) => {
  const fresh = await request.get("/signin");
  expect(fresh.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  // No TRUSTED_REQUEST_ID_HEADER in this environment: a client's own id is replaced (issue 16).
  const chosen = await request.get("/signin", { headers: { "x-request-id": "lb-trace-0123456789" } });
  expect(chosen.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const forged = await request.get("/signin", { headers: { "x-request-id": "<script>alert(1)</script>" } });
  expect(forged.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});
