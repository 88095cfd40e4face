import { draftKeys, loseActionAnswers } from "./support/lost-response";
import { sendoso, uniqueEmail } from "./support/sandbox";
import { chooseTouch, fillSendForm } from "./support/send-form";
import { REP_STATE } from "./support/sign-in";
import { expect, type Page, test } from "./support/test";

/**
 * Issue 11 item 7, in the browser: an outcome's heading matches its state (only a definite no says
 * "not sent"), a reused key shows what became of the first send and offers a fresh key, and a CRM-
 * prefilled form keeps its draft and key across a reload, so pressing Send again cannot send twice.
 */
test.use({ storageState: REP_STATE });
test.afterEach(() => sendoso.clearFaults());

const NOT_SENT = "The gift was not sent";
const send = (page: Page) => page.getByRole("button", { name: "Send gift" }).click();
/** Fields stay read-only until the form is hydrated (components/ui/input.tsx). */
const interactive = (page: Page) => expect(page.getByLabel("Recipient email")).toBeEditable();

test("an unknown outcome is titled as still being checked, never as not sent", async ({ page }) => {
  const email = uniqueEmail("unknown");
  await sendoso.injectSendFault({ type: "hang" });
  await fillSendForm(page, email);
  await send(page);
  await expect(page.locator("#outcome-title")).toHaveText("Gift not confirmed yet");
  const alert = page.getByRole("alert").filter({ hasText: "Do not resend this gift" });
  await expect(alert).toContainText("we are checking with Sendoso");
  await expect(page.getByText(NOT_SENT)).toHaveCount(0);
  expect(await sendoso.sendPostsFor(email)).toHaveLength(1);
});

test("a lost answer is 'Lost the connection — checking', then the one send's outcome", async ({ page }) => {
  const email = uniqueEmail("lost");
  await fillSendForm(page, email);
  // The first answer is lost; the form asks again a second later with the same key.
  await loseActionAnswers(page, 1);
  await send(page);
  await expect(page.getByRole("alert").filter({ hasText: "Lost the connection — checking" })).toBeVisible();
  await expect(page.getByText(NOT_SENT)).toHaveCount(0);
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  expect(await sendoso.sendPostsFor(email)).toHaveLength(1);
});

test("a reused key shows the first send's status and link; Start a new send mints a new key", async ({
  page,
}) => {
  const first = uniqueEmail("first");
  const second = uniqueEmail("second");
  await fillSendForm(page, first);
  // Both the answer and the retry's answer are lost: the gift went out, the browser does not know.
  await loseActionAnswers(page, 2);
  await send(page);
  await expect(page.getByRole("alert").filter({ hasText: "Lost the connection — checking" })).toBeVisible();
  await expect(page.getByTestId("form-error")).toContainText("cannot send the same gift twice");
  expect(await sendoso.sendPostsFor(first)).toHaveLength(1);
  const [oldKey] = await draftKeys(page);
  expect(oldKey).toBeTruthy();

  // The rep changes the recipient and presses Send on the same form (same key).
  await page.getByLabel("Recipient email").fill(second);
  await send(page);
  await expect(page.locator("#outcome-title")).toHaveText("This form was already sent");
  await expect(page.getByRole("status").filter({ hasText: "It was sent." })).toBeVisible();
  await expect(page.getByText(NOT_SENT)).toHaveCount(0);
  expect(await sendoso.sendPostsFor(second)).toHaveLength(0);
  const link = page.getByRole("link", { name: "View in History" });
  await expect(link).toHaveAttribute("href", /^\/history\/[0-9a-f-]{36}$/);
  const firstSendHref = (await link.getAttribute("href")) ?? "";

  await page.getByRole("button", { name: "Start a new send" }).click();
  await expect(page.getByRole("button", { name: "Send gift" })).toBeVisible();
  // In place, no reload: the fresh key comes from Start a new send itself.
  await chooseTouch(page, "Coffee for two");
  await page.getByLabel("Recipient name").fill("Jane Doe");
  await page.getByLabel("Recipient email").fill(second);
  const [newKey] = await draftKeys(page);
  expect(newKey).toBeTruthy();
  expect(newKey).not.toBe(oldKey);
  await send(page);
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  expect(await sendoso.sendPostsFor(second)).toHaveLength(1);

  // The link named the first send: its page is about the first recipient.
  await page.goto(firstSendHref);
  await expect(page.getByText(first).first()).toBeVisible();
});

test("a CRM-prefilled form keeps its draft and key across a reload: Send again cannot send twice", async ({
  page,
}) => {
  const email = uniqueEmail("crm");
  const crmLink = `/send?${new URLSearchParams({ name: "Casey Crm", email, touch: "1001" })}`;
  await page.goto(crmLink);
  await expect(page.getByLabel("Recipient email")).toHaveValue(email);
  await expect(page.getByLabel("Recipient name")).toHaveValue("Casey Crm");
  await interactive(page);
  // The rep changes nothing and presses Send; both answers are lost.
  await loseActionAnswers(page, 2);
  await send(page);
  await expect(page.getByTestId("form-error")).toContainText("cannot send the same gift twice");
  expect(await sendoso.sendPostsFor(email)).toHaveLength(1);
  const [key] = await draftKeys(page);
  expect(key).toBeTruthy();

  await page.unrouteAll();
  await page.reload();
  await expect(page.getByLabel("Recipient email")).toHaveValue(email);
  await interactive(page);
  await expect.poll(() => draftKeys(page)).toEqual([key]);
  await send(page);
  // The same key: the first send's outcome, not a repeat-recipient question and not a second gift.
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  const [post] = await sendoso.sendPostsFor(email);
  expect(await sendoso.sendPostsFor(email)).toHaveLength(1);
  expect(post?.json?.send?.name).toBe("Casey Crm");
});

test("a CRM-prefilled form keeps what the rep typed across a reload", async ({ page }) => {
  const email = uniqueEmail("crm-typed");
  await page.goto(`/send?${new URLSearchParams({ name: "Casey Crm", email, touch: "1001" })}`);
  await interactive(page);
  await page.getByLabel("Custom message").fill("Loved our chat about logistics");
  const [key] = await draftKeys(page);
  await page.reload();
  await interactive(page);
  await expect(page.getByLabel("Custom message")).toHaveValue("Loved our chat about logistics");
  expect(await draftKeys(page)).toEqual([key]);
});

test("after a reload brought the draft back, Send another starts from a blank form", async ({ page }) => {
  const email = uniqueEmail("again");
  await fillSendForm(page, email);
  const [key] = await draftKeys(page);
  await page.reload();
  await interactive(page);
  await expect(page.getByLabel("Recipient email")).toHaveValue(email);
  await send(page);
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  await page.getByRole("button", { name: "Send another" }).click();
  // Not the restored draft again: the same person, a second gift a click away.
  await expect(page.getByLabel("Recipient email")).toHaveValue("");
  await expect(page.getByLabel("Recipient name")).toHaveValue("");
  await page.getByLabel("Recipient email").fill(uniqueEmail("again.next"));
  expect(await draftKeys(page)).not.toContain(key);
});
