import { expectNoViolations, pageAs } from "./history-support";
import { postAction } from "./support/actions";
import {
  bell,
  markEverythingRead,
  seedNotification,
  setVisibility,
  uniqueTitle,
} from "./support/notifications";
import { E2E } from "./support/ports";
import { emailsTo, runNotificationJobs } from "./support/smtp";
import { expect, test } from "./support/test";

test.describe("notifications", () => {
  test("the bell counts new notifications, polls while open, and the inbox marks them read", async ({
    browser,
  }) => {
    const page = await pageAs(browser, "rep");
    await page.clock.install();
    await markEverythingRead(page);

    const first = uniqueTitle("Send failed");
    await seedNotification(page, first);
    await page.goto("/send");
    await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
    await expect(page.getByTestId("notification-count")).toHaveText("1");

    // A notice arriving while the page is open shows up on the next poll, without a reload.
    const second = uniqueTitle("Another failure");
    await seedNotification(page, second);
    await page.clock.fastForward("00:31");
    await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread");

    // A hidden tab does not poll; shown again, it catches up at once.
    let polls = 0;
    page.on("request", (r) => {
      if (r.url().includes("/api/notifications/unread")) polls++;
    });
    await setVisibility(page, "hidden");
    const third = uniqueTitle("Third failure");
    await seedNotification(page, third);
    await page.clock.fastForward("01:01");
    expect(polls).toBe(0);
    await setVisibility(page, "visible");
    await expect(bell(page)).toHaveAccessibleName("Notifications, 3 unread");

    await bell(page).click();
    await expect(page).toHaveURL(/\/notifications$/);
    const items = page.getByTestId("notification");
    await expect(items.nth(0)).toContainText(third);
    await expect(items.nth(1)).toContainText(second);
    await expect(items.nth(2)).toContainText(first);
    await expect(items.nth(0)).toContainText("Unread");

    const firstItem = items.filter({ hasText: first });
    await firstItem.getByRole("button", { name: `Mark read: ${first}` }).click();
    await expect(firstItem).not.toContainText("Unread");
    await expect(firstItem.getByRole("button", { name: /Mark read/ })).toHaveCount(0);
    await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread");
    await expect(page.getByTestId("unread-summary")).toHaveText("2 unread.");
    await expectNoViolations(page);

    await page.getByRole("button", { name: "Mark all read" }).click();
    await expect(page.getByTestId("unread-summary")).toHaveText("Nothing unread.");
    await expect(bell(page)).toHaveAccessibleName("Notifications, none unread");
    await expect(page.getByTestId("notification-count")).toHaveCount(0);

    // The title links to what the notification is about.
    await items.filter({ hasText: second }).getByRole("link", { name: second }).click();
    await expect(page).toHaveURL(/\/history$/);
  });

  test("email preferences are saved per category and shown again after a reload", async ({ browser }) => {
    const page = await pageAs(browser, "rep");
    await page.goto("/settings");
    const card = page.getByTestId("email-preferences");
    const sendFailed = card.getByRole("checkbox", { name: "Send failed" });
    await expect(sendFailed).toBeChecked();
    // Approver notices are not offered to a rep.
    await expect(card.getByRole("checkbox", { name: "Approval needed" })).toHaveCount(0);
    await expectNoViolations(page);

    await sendFailed.click();
    await card.getByRole("button", { name: "Save email preferences" }).click();
    await expect(card.getByTestId("email-preferences-status")).toHaveText("Email preferences saved.");
    await page.reload();
    await expect(card.getByRole("checkbox", { name: "Send failed" })).not.toBeChecked();
    await expect(card.getByRole("checkbox", { name: "Send rejected" })).toBeChecked();

    await card.getByRole("checkbox", { name: "Send failed" }).click();
    await card.getByRole("button", { name: "Save email preferences" }).click();
    await expect(card.getByTestId("email-preferences-status")).toHaveText("Email preferences saved.");
    await page.reload();
    await expect(card.getByRole("checkbox", { name: "Send failed" })).toBeChecked();
  });

  test("notifications are emailed through SMTP, except categories the user switched off", async ({
    browser,
    request,
  }) => {
    const page = await pageAs(browser, "rep2");
    const emailed = uniqueTitle("Emailed");
    await seedNotification(page, emailed, "/history");
    await runNotificationJobs(request);
    const [message, ...others] = (await emailsTo("rep2@giftdesk.test")).filter(
      (m) => m.subject === `Gift Desk: ${emailed}`,
    );
    expect(others).toEqual([]);
    expect(message?.text).toContain(`Body of ${emailed}`);
    expect(message?.text).toContain(`Open in Gift Desk: ${E2E.appUrl}/history`);

    const setSendFailedEmail = async (on: boolean) => {
      await page.goto("/settings");
      const card = page.getByTestId("email-preferences");
      await card.getByRole("checkbox", { name: "Send failed" }).setChecked(on);
      await card.getByRole("button", { name: "Save email preferences" }).click();
      await expect(card.getByTestId("email-preferences-status")).toHaveText("Email preferences saved.");
    };
    await setSendFailedEmail(false);
    const quiet = uniqueTitle("Inbox only");
    await seedNotification(page, quiet);
    await runNotificationJobs(request);
    expect((await emailsTo("rep2@giftdesk.test")).map((m) => m.subject)).not.toContain(`Gift Desk: ${quiet}`);
    await page.goto("/notifications");
    await expect(page.getByTestId("notification").filter({ hasText: quiet })).toContainText("Unread");
    await setSendFailedEmail(true);
  });

  test("a manager is offered the approver categories too", async ({ browser }) => {
    const page = await pageAs(browser, "manager");
    await page.goto("/settings");
    await expect(page.getByRole("checkbox", { name: "Approval needed" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Approval reminders" })).toBeChecked();
  });

  test("a user cannot mark another user's notification read", async ({ browser }) => {
    const owner = await pageAs(browser, "rep2");
    await markEverythingRead(owner);
    const title = uniqueTitle("Only for rep2");
    await seedNotification(owner, title);
    await owner.goto("/notifications");
    const item = owner.getByTestId("notification").filter({ hasText: title });
    const id = Number(await item.getAttribute("data-notification-id"));
    expect(id).toBeGreaterThan(0);

    // The rep scripts the action with rep2's id, as an attacker would: nothing changes for rep2.
    const rep = await pageAs(browser, "rep");
    const attempt = await postAction(rep.request, "/notifications", "markNotificationsRead", [{ ids: [id] }]);
    expect(attempt.status()).toBe(200);
    await owner.reload();
    await expect(item).toContainText("Unread");
    await expect(bell(owner)).toHaveAccessibleName("Notifications, 1 unread");

    // The same scripted call from the owner does work, so the refusal above was about ownership.
    await postAction(owner.request, "/notifications", "markNotificationsRead", [{ ids: [id] }]);
    await owner.reload();
    await expect(item).not.toContainText("Unread");
    await expect(bell(owner)).toHaveAccessibleName("Notifications, none unread");
  });

  test("the inbox is empty-stated and signed-out callers get nothing", async ({ browser, playwright }) => {
    const page = await pageAs(browser, "admin");
    await page.goto("/notifications?before=1");
    await expect(page.getByText("No older notifications.")).toBeVisible();
    const anonymous = await playwright.request.newContext({ baseURL: page.url() });
    expect((await anonymous.get("/api/notifications/unread")).status()).toBe(401);
    await anonymous.dispose();
  });
});
