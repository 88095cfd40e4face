import { expectNoViolations, pageAs, sendThroughUi } from "./history-support";
import { sendoso, uniqueEmail } from "./support/sandbox";
import { expect, test } from "./support/test";

test.afterEach(() => sendoso.clearFaults());

test("a manager sees the team dashboard, and each figure links to the filtered history", async ({
  browser,
}) => {
  const email = uniqueEmail("dash-unknown");
  await sendoso.injectSendFault({ type: "error_after" });
  const rep = await pageAs(browser, "rep");
  await sendThroughUi(rep, email);
  await expect(rep.getByRole("alert").filter({ hasText: "Do not resend this gift" })).toBeVisible();

  const page = await pageAs(browser, "manager");
  await page.goto("/send");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("Team a,")).toBeVisible();
  expect(Number(await page.getByTestId("total-sends").textContent())).toBeGreaterThan(0);
  await expect(page.getByRole("region", { name: "Sends and spend per rep (table)" })).toContainText(
    "Riley Rep",
  );
  await expectNoViolations(page);

  await page.getByTestId("attention-unknown").getByRole("link").click();
  await expect(page).toHaveURL(/\/history\?bucket=unknown/);
  await expect(page.getByTestId("history-row").filter({ hasText: email })).toBeVisible();
  const rows = page.getByTestId("history-row");
  for (const row of await rows.all()) await expect(row).toContainText("Unknown — checking");
});

test("a rep cannot reach the dashboard", async ({ browser }) => {
  const page = await pageAs(browser, "rep");
  await page.goto("/send");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }),
  ).toHaveCount(0);
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toHaveCount(0);
});

test("an admin can pick a team", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/dashboard");
  await page.getByLabel("Team", { exact: true }).selectOption("b");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/team=b/);
  await expect(page.getByText("Team b,")).toBeVisible();
  await expectNoViolations(page);
});
