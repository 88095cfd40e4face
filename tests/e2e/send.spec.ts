import { sendoso, uniqueEmail } from "./support/sandbox";
import { chooseTouch, fillSendForm } from "./support/send-form";
import { REP_STATE } from "./support/sign-in";
import { expect, test } from "./support/test";

test.use({ storageState: REP_STATE });
test.afterEach(() => sendoso.clearFaults());

test("a rep sends a gift, sees the tracking code, and finds it in History", async ({ page }) => {
  const email = uniqueEmail("jane");
  await fillSendForm(page, email);
  await page.getByRole("button", { name: "Send gift" }).click();

  const code = page.getByTestId("tracking-code");
  await expect(code).toHaveText(/^[0-9a-f]{40}$/);
  const trackingCode = (await code.textContent()) ?? "";
  await expect(page.getByText("They have 5 days")).toBeVisible();

  const [post] = await sendoso.sendPostsFor(email);
  expect(post?.json).toEqual({
    send: {
      touch_id: 1001,
      name: "Jane Doe",
      email,
      custom_message: "Thanks for the great call!",
      no_address: true,
      confirm_address: true,
      address_confirmation_via: "email",
      resume_with_unconfirmed_address: false,
      expire_after_days: 5,
      hide_product_info: true,
      address_confirmation_custom_message:
        "We'd like to send you a small gift. Please confirm the best address to ship it to.",
      via: "single_person_or_company",
      via_from: "Gift Desk",
    },
  });

  await page.goto("/history");
  const row = page.getByTestId("history-row").first();
  await expect(row).toContainText(email);
  await expect(row).toContainText("Coffee for two");
  await expect(row).toContainText("Sent");
  await expect(row.locator("code")).toHaveAttribute("title", trackingCode);
});

test("invalid input shows errors next to the fields and sends nothing", async ({ page }) => {
  const email = "not-an-email";
  await page.goto("/send");
  await page.getByLabel("Recipient email").fill(email);
  await page.getByLabel("Expire after (days)").fill("9");
  await page.getByRole("button", { name: "Send gift" }).click();

  await expect(page.getByTestId("touchId-error")).toHaveText("Choose a touch");
  await expect(page.getByTestId("recipientName-error")).toHaveText("Enter the recipient's name");
  await expect(page.getByTestId("recipientEmail-error")).toHaveText(
    "Enter a valid email address, like jane@example.com",
  );
  await expect(page.getByTestId("expireAfterDays-error")).toHaveText("Expiry must be between 2 and 7 days");
  await expect(page.getByLabel("Recipient email")).toHaveAttribute("aria-invalid", "true");
  expect(await sendoso.sendPostsFor(email)).toHaveLength(0);
});

test("a double click on Send makes exactly one upstream POST", async ({ page }) => {
  const email = uniqueEmail("double");
  await fillSendForm(page, email);
  await page.getByRole("button", { name: "Send gift" }).dblclick();
  await expect(page.getByTestId("tracking-code")).toHaveText(/^[0-9a-f]{40}$/);
  expect(await sendoso.sendPostsFor(email)).toHaveLength(1);
});

test("an ambiguous upstream answer is shown as 'do not resend', never as a failure", async ({ page }) => {
  const email = uniqueEmail("ambiguous");
  await sendoso.injectSendFault({ type: "error_after" });
  await fillSendForm(page, email);
  await page.getByRole("button", { name: "Send gift" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Do not resend this gift" })).toBeVisible();
  expect(await sendoso.sendPostsFor(email)).toHaveLength(1);
  await page.goto("/history");
  await expect(page.getByTestId("history-row").filter({ hasText: email })).toContainText(
    "Checking — do not resend",
  );
});

test("Sendoso refusing the gift is shown at the field it names, and recorded", async ({ page }) => {
  const email = uniqueEmail("refused");
  await sendoso.injectSendFault({
    type: "error_before",
    status: 400,
    body: '{"success":false,"message":"name can\'t be blank"}',
    contentType: "application/json",
  });
  await fillSendForm(page, email);
  await page.getByRole("button", { name: "Send gift" }).click();
  await expect(page.getByTestId("recipientName-error")).toHaveText(
    "Sendoso needs this: name can't be blank.",
  );
  await page.goto("/history");
  await expect(page.getByTestId("history-row").filter({ hasText: email })).toContainText("Failed");
});

test("Send another starts a fresh form that sends a second gift", async ({ page }) => {
  const email = uniqueEmail("again");
  await fillSendForm(page, email);
  await page.getByRole("button", { name: "Send gift" }).click();
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  await page.getByRole("button", { name: "Send another" }).click();
  await expect(page.getByLabel("Recipient email")).toHaveValue("");
  await chooseTouch(page, "Coffee for two");
  await page.getByLabel("Recipient name").fill("Jane Doe");
  await page.getByLabel("Recipient email").fill(email);
  await page.getByRole("button", { name: "Send gift" }).click();
  // The same person was just gifted: the rep sees it and decides.
  const dialog = page.getByRole("dialog", { name: "This recipient was gifted recently" });
  await expect(dialog.getByTestId("prior-sends")).toContainText("Riley Rep sent Coffee for two");
  await dialog.getByRole("button", { name: "Send anyway" }).click();
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  expect(await sendoso.sendPostsFor(email)).toHaveLength(2);
});
