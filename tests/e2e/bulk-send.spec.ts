import { readFileSync } from "node:fs";
import { pageAs } from "./history-support";
import { E2E } from "./support/ports";
import { REP_STATE } from "./support/sign-in";
import { removeAllSpendSettings } from "./support/spend";
import { expect, type Page, test } from "./support/test";

test.use({ storageState: REP_STATE });

/** The 20-row fixture (rows 4, 9 and 15 invalid) with recipients no other run has used. */
function uniqueTemplate(): { csv: string; tag: string } {
  const tag = `bulk${Date.now()}`;
  const csv = readFileSync("tests/fixtures/bulk/template-20.csv", "utf8").replaceAll(
    "@example.com",
    `@${tag}.example.com`,
  );
  return { csv, tag };
}

/** Uploads the 20-row fixture as the rep and opens its review page. */
async function uploadTemplate(page: Page, csv: string, fileName = "event.csv") {
  await page.goto("/send/bulk");
  await page.getByLabel("Touch for every row").selectOption({ label: "Coffee for two" });
  await page
    .getByLabel("CSV or Excel file")
    .setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Read the file" }).click();
  await page.getByRole("button", { name: "Review 20 rows" }).click();
  await expect(page).toHaveURL(/\/send\/bulk\/[0-9a-f-]{36}$/);
}

test("a rep uploads 20 rows, fixes one, drops one, sends, watches it finish and downloads the results", async ({
  page,
  context,
}) => {
  const { csv, tag } = uniqueTemplate();
  await page.goto("/send/bulk");
  await page.getByLabel("Touch for every row").selectOption({ label: "Coffee for two" });
  await page.getByLabel("Message template").fill("Hi {first_name}, thanks from all of us to {company}!");
  await page
    .getByLabel("CSV or Excel file")
    .setInputFiles({ name: "event.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Read the file" }).click();
  // Auto-detected columns, changeable before anything is stored.
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("2");
  await page.getByRole("button", { name: "Review 20 rows" }).click();

  await expect(page).toHaveURL(/\/send\/bulk\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("review-summary")).toContainText("17 valid, 3 invalid");
  const row4 = page.getByTestId("review-row-4");
  await expect(row4).toContainText("Enter a valid email address");
  await row4.getByRole("button", { name: "Edit Email, row 4" }).click();
  await row4.getByLabel("Email, row 4").fill(`linus.torvalds@${tag}.example.com`);
  await row4.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("review-summary")).toContainText("18 valid, 2 invalid");
  await page.getByRole("button", { name: "Drop row 9" }).click();
  await expect(page.getByTestId("review-summary")).toContainText("18 valid, 1 invalid");

  await page.getByRole("button", { name: "Send 18 gifts" }).click();
  const progress = page.getByTestId("bulk-progress-text");
  await expect(progress).toBeVisible();
  // A second tab on the same batch sees the same progress.
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(progress).toContainText("18 of 18 rows processed", { timeout: 45_000 });
  await expect(second.getByTestId("bulk-progress-text")).toContainText("18 of 18 rows processed");
  await expect(page.getByTestId("bulk-count-sent")).toHaveText("18");
  await expect(page.getByText("Finished").first()).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download results (CSV)" }).click(),
  ]);
  const results = readFileSync((await download.path()) as string, "utf8");
  // The BOM tells Excel it is UTF-8 (trim() would strip it, so it is checked first).
  expect(results.startsWith("\uFEFF")).toBe(true);
  const lines = results.trim().split(/\r\n/);
  expect(lines[0]).toBe("row,recipient,name,state,tracking_code,error");
  expect(lines.filter((l) => /,sent,[0-9a-f]{40},$/.test(l))).toHaveLength(18);
  // Exactly one POST per sent row.
  const log = await fetch(`${E2E.sendosoUrl}/__sandbox/requests?method=POST&path=/api/v3/send`);
  const { requests } = (await log.json()) as {
    requests: { json: { send?: Record<string, unknown> } | null }[];
  };
  const posts = requests.filter((p) => String(p.json?.send?.email ?? "").includes(tag));
  expect(posts).toHaveLength(18);
  expect(posts.map((p) => p.json?.send?.custom_message)).toContain(
    "Hi Ada, thanks from all of us to Acme Corp!",
  );
});

test("a bad file gets a clear message and stores nothing", async ({ page }) => {
  await page.goto("/send/bulk");
  await page.getByLabel("Touch for every row").selectOption({ label: "Coffee for two" });
  await page.getByLabel("CSV or Excel file").setInputFiles({
    name: "photo.csv",
    mimeType: "text/csv",
    buffer: readFileSync("tests/fixtures/bulk/binary-renamed.csv"),
  });
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page.getByTestId("file-error")).toHaveText(/not a CSV: it contains binary data/);
  await expect(page).toHaveURL(/\/send\/bulk$/);
});

test.describe("approval", () => {
  test.afterAll(async ({ browser }) => {
    await removeAllSpendSettings(await pageAs(browser, "admin"));
  });

  test("a batch over the team's threshold waits as one; the manager rejects a row and approves the rest", async ({
    page,
    browser,
  }) => {
    const admin = await pageAs(browser, "admin");
    await admin.goto("/admin/spend");
    const rule = admin.getByRole("form", { name: "Approval rule for team a" });
    await rule.getByLabel("Approval above (USD)").fill("50");
    await rule.getByRole("button", { name: "Save rule" }).click();
    await expect(admin.getByText("Approval above $50.00")).toBeVisible();
    // Coffee is physical: Sendoso gives no price, so the admin's estimate prices each row.
    const estimate = admin.getByRole("form", { name: "Estimate for Coffee for two", exact: true });
    await estimate.getByLabel("Estimated cost of Coffee for two (USD)", { exact: true }).fill("24");
    await estimate.getByRole("button", { name: "Save" }).click();
    await expect(admin.getByText("Estimate for Coffee for two saved").first()).toBeVisible();

    const { csv, tag } = uniqueTemplate();
    await uploadTemplate(page, csv, `approve-${tag}.csv`);
    await expect(page.getByTestId("batch-needs-approval")).toContainText("approval threshold of $50.00");
    await page.getByRole("button", { name: "Send 17 gifts" }).click();
    await expect(page.getByTestId("bulk-approval-summary")).toContainText("17 gifts");
    await expect(page.getByText("Waiting for approval").first()).toBeVisible();

    const manager = await pageAs(browser, "manager");
    await manager.goto("/approvals");
    await manager.getByRole("link", { name: `approve-${tag}.csv` }).click();
    await expect(manager.getByTestId("bulk-approval-summary")).toContainText("estimated $408.00");
    // A reason is required to reject.
    await manager.getByLabel("Reject row 1", { exact: true }).check();
    await manager.getByRole("button", { name: "Reject 1 selected rows" }).click();
    await expect(manager.getByTestId(/bulk-reject-reason-.*-error/)).toBeVisible();
    await manager.getByLabel("Reason (the rep reads it)").fill("Already a customer");
    await manager.getByRole("button", { name: "Reject 1 selected rows" }).click();
    await expect(manager.getByText("1 rows rejected; the rest of the batch still waits.")).toBeVisible();
    await expect(manager.getByTestId("bulk-approval-summary")).toContainText("16 gifts");
    await manager.getByRole("button", { name: "Approve batch" }).click();
    await expect(manager.getByText("Sending").first()).toBeVisible();

    // The rep's tab, left open, sees the decision and the batch go through.
    await expect(page.getByTestId("bulk-progress-text")).toContainText("16 of 16 rows processed", {
      timeout: 45_000,
    });
    await expect(page.getByTestId("bulk-count-sent")).toHaveText("16");
    // Every row is an ordinary send in History, with a link back to its batch.
    await page.getByRole("link", { name: "Open in History" }).first().click();
    await expect(page.getByTestId("send-batch-link")).toContainText(`approve-${tag}.csv`);
    await page.getByTestId("send-batch-link").click();
    await expect(page.getByRole("heading", { name: `Bulk send: approve-${tag}.csv` })).toBeVisible();
  });
});
