import { expectNoViolations, pageAs } from "./history-support";
import { postAction } from "./support/actions";
import { sendoso, uniqueEmail } from "./support/sandbox";
import { chooseTouch } from "./support/send-form";
import { requestAs } from "./support/sign-in";
import { FLEECE, removeAllSpendSettings, requestFleece } from "./support/spend";
import { expect, type Page, test } from "./support/test";

// One story, in order: the admin's settings apply to every step after them.
test.describe.configure({ mode: "serial" });

test.afterAll(async ({ browser }) => {
  await removeAllSpendSettings(await pageAs(browser, "admin"));
});

const toast = (page: Page, text: string) => expect(page.getByText(text).first()).toBeVisible();

async function setApprovalRule(admin: Page, team: string, threshold: string) {
  const form = admin.getByRole("form", { name: `Approval rule for team ${team}` });
  await form.getByLabel("Approval above (USD)").fill(threshold);
  await form.getByRole("button", { name: "Save rule" }).click();
}

test("an admin sets approval thresholds and a touch estimate, with field errors for bad values", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/spend");
  await expect(admin.getByRole("heading", { name: "Spend controls" })).toBeVisible();

  await setApprovalRule(admin, "a", "-5");
  await expect(admin.getByTestId("policy-a-threshold-error")).toHaveText("The threshold cannot be negative");
  await setApprovalRule(admin, "a", "150");
  await toast(admin, "Approval rule for team a saved");
  await setApprovalRule(admin, "b", "150");
  await toast(admin, "Approval rule for team b saved");
  await expect(admin.getByText("Approval above $150.00")).toHaveCount(2);

  const estimate = admin.getByRole("form", { name: `Estimate for ${FLEECE}` });
  await estimate.getByLabel(`Estimated cost of ${FLEECE} (USD)`).fill("-1");
  await estimate.getByRole("button", { name: "Save" }).click();
  await expect(estimate.getByText("The estimate cannot be negative")).toBeVisible();
  await estimate.getByLabel(`Estimated cost of ${FLEECE} (USD)`).fill("180");
  await estimate.getByRole("button", { name: "Save" }).click();
  await toast(admin, `Estimate for ${FLEECE} saved`);
  // eGifts count at the top of their range: no input for them.
  await expect(admin.getByTestId("estimate-row").filter({ hasText: "Visa eGift card" })).toContainText(
    "Price range $25–$200",
  );
  await expectNoViolations(admin);
});

test("a gift above the threshold waits; the team's manager approves and it is sent", async ({ browser }) => {
  const rep = await pageAs(browser, "rep");
  const email = uniqueEmail("approve");
  const sendId = await requestFleece(rep, email);
  expect(await sendoso.sendPostsFor(email)).toHaveLength(0);

  const manager = await pageAs(browser, "manager");
  await manager.goto("/send");
  await manager.getByRole("link", { name: /^Approvals\W*\d+ waiting$/ }).click();
  await expect(manager).toHaveURL(/\/approvals$/);
  const card = manager.getByTestId("approval-card").filter({ hasText: email });
  await expect(card).toContainText("Asked by Riley Rep (rep@giftdesk.test), team a");
  await expect(card).toContainText("$180.00");
  await expect(card).toContainText("Estimated");
  await expect(card).toContainText("Gifts over $150.00 need a manager's approval");
  await expect(card).toContainText("Thanks for the partnership!");
  await expect(card).toContainText("Address confirmed by");
  await expectNoViolations(manager);

  await card.getByRole("button", { name: "Approve and send" }).click();
  const code = card.getByTestId("approval-tracking-code");
  await expect(code).toHaveText(/^[0-9a-f]{40}$/);
  expect(await sendoso.sendPostsFor(email)).toHaveLength(1);

  await rep.goto(`/history/${sendId}`);
  await expect(rep.getByTestId("detail-tracking-code")).toHaveText((await code.textContent()) ?? "");
});

test("a rejected gift is never sent, and the rep reads the reason in History", async ({ browser }) => {
  const rep = await pageAs(browser, "rep");
  const email = uniqueEmail("reject");
  const sendId = await requestFleece(rep, email);

  const manager = await pageAs(browser, "manager");
  await manager.goto("/approvals");
  const card = manager.getByTestId("approval-card").filter({ hasText: email });
  await card.getByRole("button", { name: "Reject…" }).click();
  const dialog = manager.getByRole("dialog");
  await dialog.getByRole("button", { name: "Reject gift" }).click();
  await expect(dialog.getByText("Tell the rep why (at least 10 characters)")).toBeVisible();
  const reason = "We already sent this account a gift this quarter";
  await dialog.getByLabel("Reason for the rep").fill(reason);
  await dialog.getByRole("button", { name: "Reject gift" }).click();
  await expect(card).toContainText("Rejected. The rep is told why; nothing was sent.");

  await rep.goto(`/history/${sendId}`);
  await expect(rep.getByTestId("rejection-reason")).toHaveText(`Reason: ${reason}`);
  expect(await sendoso.sendPostsFor(email)).toHaveLength(0);
});

test("nobody approves their own gift, and a manager cannot approve another team's", async ({
  browser,
  playwright,
}) => {
  const rep = await pageAs(browser, "rep");
  const own = uniqueEmail("own");
  const ownId = await requestFleece(rep, own);
  expect((await rep.goto("/approvals"))?.status()).toBe(404);
  const repRequest = await requestAs(playwright, "rep");
  const byRep = await postAction(repRequest, "/approvals", "approveSendAction", [{ sendId: ownId }]);
  expect(await byRep.text()).toContain("You do not have access to this.");

  const rep2 = await pageAs(browser, "rep2");
  const other = uniqueEmail("other-team");
  const otherId = await requestFleece(rep2, other);
  const manager = await pageAs(browser, "manager");
  await manager.goto("/approvals");
  await expect(manager.getByTestId("approval-card").filter({ hasText: own })).toBeVisible();
  await expect(manager.getByTestId("approval-card").filter({ hasText: other })).toHaveCount(0);
  const managerRequest = await requestAs(playwright, "manager");
  const byManager = await postAction(managerRequest, "/approvals", "approveSendAction", [
    { sendId: otherId },
  ]);
  expect(await byManager.text()).toContain('"not_found"');
  expect(await sendoso.sendPostsFor(own)).toHaveLength(0);
  expect(await sendoso.sendPostsFor(other)).toHaveLength(0);

  // Each rep withdraws their own request from History, after confirming.
  for (const [page, id] of [
    [rep, ownId],
    [rep2, otherId],
  ] as const) {
    await page.goto(`/history/${id}`);
    await page.getByRole("button", { name: "Cancel request…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel request" }).click();
    await expect(page.getByText("Cancelled before approval — nothing was sent")).toBeVisible();
  }
  await repRequest.dispose();
  await managerRequest.dispose();
});

test("a gift over the rep's budget is refused with the numbers, next to the meter", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/spend");
  const form = admin.getByRole("form", { name: "Add budget" });
  await form.getByLabel("Whose budget").selectOption("rep");
  await form.getByLabel(/^Rep\b/).selectOption({ label: "Sam Seller (rep2@giftdesk.test, team b)" });
  await form.getByLabel("Amount (USD)").fill("100");
  await form.getByRole("button", { name: "Add budget" }).click();
  await toast(admin, "Budget saved");
  await expect(admin.getByTestId("budget-row").filter({ hasText: "Sam Seller" })).toContainText(
    "Left$100.00",
  );

  const rep2 = await pageAs(browser, "rep2");
  const email = uniqueEmail("over-budget");
  await rep2.goto("/send");
  const meter = rep2.getByTestId("budget-meter");
  await expect(meter).toContainText("Your own monthly budget");
  await chooseTouch(rep2, FLEECE);
  await expect(meter.getByTestId("budget-after-send")).toHaveText(
    "This gift, $180.00 (estimated), would leave -$80.00: over budget. It would be refused.",
  );
  await rep2.getByLabel("Recipient name").fill("Olive Over");
  await rep2.getByLabel("Recipient email").fill(email);
  await rep2.getByRole("button", { name: "Send gift" }).click();
  await expect(rep2.getByTestId("over-budget-message")).toHaveText(
    "Over budget: $180.00 would leave -$80.00 of your own monthly budget ($100.00). Nothing was sent.",
  );
  expect(await sendoso.sendPostsFor(email)).toHaveLength(0);
});
