import { sendoso, uniqueEmail } from "./support/sandbox";
import { fillSendForm } from "./support/send-form";
import { REP_STATE } from "./support/sign-in";
import { expect, test } from "./support/test";

test.use({ storageState: REP_STATE });
test.afterEach(() => sendoso.clearFaults());

const AMBIGUOUS = [
  ["Sendoso never answers", { type: "hang" }],
  ["a 5xx before Sendoso recorded it", { type: "error_before", status: 503 }],
  ["the connection drops after Sendoso recorded it", { type: "close_after" }],
  ["a malformed 2xx", { type: "malformed" }],
] as const;

for (const [name, fault] of AMBIGUOUS) {
  test(`${name}: shown as unconfirmed, one POST, and the recipient is blocked`, async ({ page }) => {
    const email = uniqueEmail("fault");
    await sendoso.injectSendFault(fault);
    await fillSendForm(page, email);
    await page.getByRole("button", { name: "Send gift" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Do not resend this gift" })).toBeVisible();
    expect(await sendoso.sendPostsFor(email)).toHaveLength(1);

    await page.getByRole("button", { name: "Send another" }).click();
    await fillSendForm(page, email);
    await page.getByRole("button", { name: "Send gift" }).click();
    await expect(page.getByTestId("form-error")).toHaveText(/still unconfirmed/);
    expect(await sendoso.sendPostsFor(email)).toHaveLength(1);
  });
}

test("a 429 is waited out and the gift goes once", async ({ page }) => {
  const email = uniqueEmail("throttled");
  await sendoso.injectSendFault({ type: "rate_limit" });
  await fillSendForm(page, email);
  await page.getByRole("button", { name: "Send gift" }).click();
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  // The throttled attempt was refused before processing; the retry is the only send.
  expect(await sendoso.sendPostsFor(email)).toHaveLength(2);
});
