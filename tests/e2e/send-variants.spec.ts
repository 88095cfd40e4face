import { sendoso, uniqueEmail } from "./support/sandbox";
import { chooseTouch, fillSendForm } from "./support/send-form";
import { REP_STATE } from "./support/sign-in";
import { expect, test } from "./support/test";

test.use({ storageState: REP_STATE });
test.afterEach(() => sendoso.clearFaults());

test("an eGift goes by Sendoso email and shows its tracking page", async ({ page }) => {
  const email = uniqueEmail("egift");
  await page.goto("/send");
  await chooseTouch(page, "$50 Amazon eGift");
  await expect(page.getByText("Sendoso emails the eGift")).toBeVisible();
  await page.getByLabel("Recipient email").fill(email);
  await page.getByLabel("Custom message").fill("Enjoy, {first_name}!");
  await page.getByRole("button", { name: "Send gift" }).click();
  await expect(page.getByTestId("tracking-code")).toHaveText(/^[0-9a-f]{40}$/);
  await expect(page.getByRole("link", { name: "Open the tracking page" })).toHaveAttribute(
    "href",
    /^https:\/\/app\.sendoso\.com\/track\/[0-9a-f]{40}$/,
  );
  const [post] = await sendoso.sendPostsFor(email);
  expect(post?.json?.send).toMatchObject({ via: "single_email_address", custom_message: "Enjoy, !" });
});

test("a known address ships directly; outside the US a mobile number is required", async ({ page }) => {
  const email = uniqueEmail("known");
  await fillSendForm(page, email, "New customer welcome kit");
  await page.getByLabel("I have their address").check();
  await page.getByLabel("Street address").fill("10 Downing St");
  await page.getByLabel("City").fill("London");
  await page.getByLabel("State or region").fill("London");
  await page.getByLabel("Postal code").fill("SW1A 2AA");
  await page.getByLabel("Country code").fill("GB");
  await page.getByRole("button", { name: "Send gift" }).click();
  await expect(page.getByTestId("mobileNo-error")).toHaveText(
    "Sendoso needs a mobile number for addresses outside the US",
  );
  expect(await sendoso.sendPostsFor(email)).toHaveLength(0);

  await page.getByLabel("Mobile number").fill("+44 20 7946 0958");
  await page.getByRole("button", { name: "Send gift" }).click();
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  const [post] = await sendoso.sendPostsFor(email);
  expect(post?.json?.send).toMatchObject({ confirm_address: false, country: "GB", mobile_no: 442079460958 });
});

test("a CRM link opens a ready form", async ({ page }) => {
  await page.goto("/send?name=Ada%20Lovelace&email=ada%40example.com&company=Analytical&touch=1001");
  await expect(page.getByRole("radio", { name: "Coffee for two", exact: true })).toBeChecked();
  await expect(page.getByLabel("Recipient name")).toHaveValue("Ada Lovelace");
  await expect(page.getByLabel("Recipient email")).toHaveValue("ada@example.com");
  await expect(page.getByLabel("Company")).toHaveValue("Analytical");
  await page.getByLabel("Custom message").fill("Hi {first_name} from {company}");
  await expect(page.getByTestId("message-preview")).toHaveText("Hi Ada from Analytical");
});

test("reloading mid-send and pressing Send again never sends twice", async ({ page }) => {
  const email = uniqueEmail("reload");
  await sendoso.injectSendFault({ type: "delay", ms: 1500 });
  await fillSendForm(page, email);
  await page.getByRole("button", { name: "Send gift" }).click();
  await expect.poll(() => sendoso.sendPostsFor(email).then((p) => p.length)).toBe(1);
  await page.reload();
  // The draft (and its idempotency key) survives the reload.
  await expect(page.getByLabel("Recipient email")).toHaveValue(email);
  await page.getByRole("button", { name: "Send gift" }).click();
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  expect(await sendoso.sendPostsFor(email)).toHaveLength(1);
});

test("a second tab gifting the same recipient must confirm first", async ({ browser }) => {
  const email = uniqueEmail("two-tabs");
  const context = await browser.newContext({ storageState: REP_STATE });
  const [first, second] = [await context.newPage(), await context.newPage()];
  await fillSendForm(first, email);
  await fillSendForm(second, email);
  await first.getByRole("button", { name: "Send gift" }).click();
  await expect(first.getByTestId("tracking-code")).toBeVisible();
  await second.getByRole("button", { name: "Send gift" }).click();
  const dialog = second.getByRole("dialog", { name: "This recipient was gifted recently" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Don't send" }).click();
  await expect(dialog).toBeHidden();
  expect(await sendoso.sendPostsFor(email)).toHaveLength(1);
  await context.close();
});

test("a '+' address gets a gentle warning", async ({ page }) => {
  await page.goto("/send");
  await page.getByLabel("Recipient email").fill("jane+gifts@example.com");
  await expect(page.getByText("Sendoso may hold gifts to “+” addresses as suspicious")).toBeVisible();
});
