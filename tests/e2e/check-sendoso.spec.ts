import { expectNoViolations, pageAs, sendThroughUi } from "./history-support";
import { sendoso, uniqueEmail } from "./support/sandbox";
import { expect, test } from "./support/test";

test.afterEach(() => sendoso.clearFaults());

test("the sender checks an unknown send with Sendoso; another rep cannot reach it", async ({ browser }) => {
  const email = uniqueEmail("check-now");
  // Sendoso records the gift, then the connection drops: the send is unknown.
  await sendoso.injectSendFault({ type: "close_after" });
  const rep = await pageAs(browser, "rep");
  await sendThroughUi(rep, email);
  await expect(rep.getByRole("alert").filter({ hasText: "Do not resend this gift" })).toBeVisible();

  await rep.goto(`/history?q=${encodeURIComponent(email)}`);
  await rep.getByRole("link", { name: "Jane Doe" }).click();
  await expect(rep).toHaveURL(/\/history\/[0-9a-f-]{36}$/);
  const detailPath = new URL(rep.url()).pathname;
  // A rep may check their own send but not mark it not sent.
  await expect(rep.getByRole("button", { name: "Mark not sent…" })).toHaveCount(0);
  const check = rep.getByRole("button", { name: "Check with Sendoso now" });
  await check.click();
  // Seconds after the send, a second matching gift could still appear in Sendoso's list: no decision yet.
  await expect(rep.getByRole("status").filter({ hasText: "Too early to be sure" })).toBeVisible();
  await expect(check).toBeEnabled();
  await expect(rep.getByText("Checking — do not resend").first()).toBeVisible();
  await expectNoViolations(rep);
  // Checking only reads Sendoso: still exactly one POST for this recipient.
  expect(await sendoso.sendPostsFor(email)).toHaveLength(1);

  const rep2 = await pageAs(browser, "rep2");
  const response = await rep2.goto(detailPath);
  expect(response?.status()).toBe(404);
  await expect(rep2.getByRole("button", { name: "Check with Sendoso now" })).toHaveCount(0);
});
