import { connectSendoso } from "./support/connect-sendoso";
import { sendoso, uniqueEmail } from "./support/sandbox";
import { fillSendForm } from "./support/send-form";
import { signInThroughIdp } from "./support/sign-in";
import { expect, test } from "./support/test";

test("a rep without a connection is asked to connect, connects through Sendoso, sends, and disconnects", async ({
  page,
}) => {
  await signInThroughIdp(page, "manager@giftdesk.test");
  await page.goto("/settings");
  const own = page.getByTestId("own-connection");
  if (await own.getByRole("button", { name: "Disconnect" }).isVisible()) {
    await own.getByRole("button", { name: "Disconnect" }).click();
    await expect(page).toHaveURL(/sendoso=disconnected/);
  }

  await page.goto("/send");
  await expect(page.getByTestId("connect-sendoso-prompt")).toContainText("Connect Sendoso first");
  await expect(page.getByTestId("sendoso-status")).toHaveText("Connect Sendoso");

  await connectSendoso(page, "Sam Rivera");
  await expect(own).toContainText("Sending as Sam Rivera");
  await expect(page.getByTestId("sendoso-status")).toContainText("Sendoso: Sam Rivera");

  const email = uniqueEmail("connected");
  await fillSendForm(page, email);
  await page.getByRole("button", { name: "Send gift" }).click();
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  const [post] = await sendoso.sendPostsFor(email);
  expect(post).toBeDefined();

  await page.goto("/settings");
  await own.getByRole("button", { name: "Disconnect" }).click();
  await expect(page).toHaveURL(/sendoso=disconnected/);
  await expect(own).toContainText("Not connected");
  await page.goto("/send");
  await expect(page.getByTestId("connect-sendoso-prompt")).toBeVisible();
  // Leave the manager connected for the specs that rely on the saved session.
  await connectSendoso(page, "Sam Rivera");
});

test("cancelling at Sendoso's consent screen changes nothing", async ({ page }) => {
  await signInThroughIdp(page, "rep2@giftdesk.test");
  await page.goto("/settings");
  const own = page.getByTestId("own-connection");
  await expect(own).toContainText("Connected");
  await own.getByRole("button", { name: "Disconnect" }).click();
  await expect(page).toHaveURL(/sendoso=disconnected/);
  await own.getByRole("button", { name: "Connect Sendoso" }).click();
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page).toHaveURL(/sendoso=denied/);
  await expect(
    page.getByRole("status").filter({ hasText: "You cancelled the Sendoso connection" }),
  ).toBeVisible();
  await expect(own).toContainText("Not connected");
  await connectSendoso(page, "Jordan Patel");
});

test("a forged OAuth callback is refused", async ({ page }) => {
  await signInThroughIdp(page, "rep2@giftdesk.test");
  await page.goto("/api/sendoso/oauth/callback?code=stolen&state=forged");
  await expect(page).toHaveURL(/sendoso=invalid/);
  await expect(page.getByRole("alert").filter({ hasText: "had expired or was not yours" })).toBeVisible();
});
