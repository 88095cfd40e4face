import { expectNoViolations, pageAs } from "./history-support";
import { moneyAsBrowserWrites } from "./support/locale";
import { sendoso, uniqueEmail } from "./support/sandbox";
import { chooseTouch } from "./support/send-form";
import { removeAllSpendSettings } from "./support/spend";
import { expect, type Page, test } from "./support/test";

test.afterEach(() => sendoso.clearFaults());

const toast = (page: Page, text: string) => expect(page.getByText(text).first()).toBeVisible();

test("a manager sees weekly spend per rep and the team budget's burn-down, each with its table", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  try {
    await admin.goto("/admin/spend");
    const form = admin.getByRole("form", { name: "Add budget" });
    await form.getByLabel(/^Team\b/).selectOption("a");
    await form.getByLabel("Amount (USD)").fill("5000");
    await form.getByRole("button", { name: "Add budget" }).click();
    await toast(admin, "Budget saved");

    const page = await pageAs(browser, "manager");
    const weekly = page.getByRole("region", { name: "Weekly spend per rep (USD) (table)" });
    const burnDown = page.getByRole("region", { name: /^Team a monthly budget, .* \(table\)$/ });
    // This week's total and the budget used so far, in cents; earlier specs may have spent already.
    const figures = async () => {
      await page.goto("/dashboard");
      await expect(burnDown.getByRole("columnheader", { name: "Left" })).toBeVisible();
      const week = weekly.getByRole("row").last().getByRole("cell").last();
      const used = burnDown.getByRole("row").last().getByRole("cell").nth(1);
      const read = async (cell: typeof week) =>
        (await cell.count()) === 0 ? 0 : Number((await cell.textContent())?.replace(/\D/g, "") || 0);
      return { week: await read(week), used: await read(used), weekCell: week, usedCell: used };
    };
    const before = await figures();

    // An eGift priced $20–$100: it counts at the top of its range until Sendoso reports the cost.
    const rep = await pageAs(browser, "rep");
    await rep.goto("/send");
    await chooseTouch(rep, "Uber Eats eGift");
    await rep.getByLabel("Recipient email").fill(uniqueEmail("chart"));
    await rep.getByLabel("Custom message").fill("Enjoy!");
    await rep.getByRole("button", { name: "Send gift" }).click();
    await expect(rep.getByTestId("tracking-code")).toBeVisible();

    const after = await figures();
    // No tz in the URL: the last 30 days are the org's days (ORG_TIME_ZONE, Europe/Berlin in e2e).
    await expect(page.getByText("(Europe/Berlin).")).toBeVisible();
    await expect(weekly).toContainText("Riley Rep");
    expect(after.week - before.week).toBe(10_000);
    expect(after.used - before.used).toBe(10_000);
    // Money as the viewer's browser writes it (de-DE in the intl project: "100,00 $").
    await expect(after.weekCell).toHaveText(await moneyAsBrowserWrites(page, after.week / 100));
    await expect(after.usedCell).toHaveText(await moneyAsBrowserWrites(page, after.used / 100));
    // The charts arrive after the page, in their own chunks.
    await expect(page.getByTestId("spend-over-time-chart")).toBeVisible();
    await expect(page.getByTestId("burn-down-chart")).toBeVisible();
    await expectNoViolations(page);

    // Each week links to that week's sends.
    await weekly.getByRole("row").last().getByRole("link").click();
    await expect(page).toHaveURL(/\/history\?.*from=\d{4}-\d{2}-\d{2}.*to=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByTestId("history-row").first()).toBeVisible();
  } finally {
    await removeAllSpendSettings(admin);
  }
});

test("an admin across all teams sees spend per team, and is asked to pick a team for the burn-down", async ({
  browser,
}) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: /^Weekly spend per team/ })).toBeVisible();
  await expect(page.getByText("Pick a team to see its budget burn-down.")).toBeVisible();
  await page.getByLabel("Team", { exact: true }).selectOption("b");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("Team b has no team budget.")).toBeVisible();
});

test("an unknown time zone in the URL is a field error, not a server error", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  // Intl knows this legacy name; PostgreSQL does not: it used to fail the whole page.
  for (const path of ["/dashboard", "/history?from=2026-01-01"]) {
    const response = await page.goto(`${path}${path.includes("?") ? "&" : "?"}tz=US/Pacific-New`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("tz-error")).toContainText("US/Pacific-New");
  }
  await expectNoViolations(page);
  const origin = { headers: { origin: new URL(page.url()).origin } };
  const csv = await page.request.post("/api/sends/export?from=2026-01-01&tz=Mars/Olympus", origin);
  expect(csv.status()).toBe(400);
  expect((await csv.json()).fieldErrors.tz[0]).toContain("Mars/Olympus");
});
