import { expectNoViolations } from "./support/axe";
import { sendoso } from "./support/sandbox";
import { signInThroughIdp } from "./support/sign-in";
import { expect, type Page, test } from "./support/test";

// rep2 is disconnected and reconnected in turn; the specs after this one find it connected again.
test.describe.configure({ mode: "serial" });
test.afterEach(() => sendoso.clearFaults());

async function disconnect(page: Page) {
  await page.goto("/settings");
  const own = page.getByTestId("own-connection");
  await own.getByRole("button", { name: "Disconnect" }).click();
  await expect(page).toHaveURL(/sendoso=disconnected/);
}

/** One click away: the consent screen is the very next page. */
async function approveAtSendoso(page: Page) {
  await expect(
    page.getByRole("heading", { name: /Authorize .* to use your Sendoso account\?/ }),
  ).toBeVisible();
  await page.getByLabel(/^Jordan Patel/).check();
  await page.getByRole("button", { name: "Authorize" }).click();
}

test("Connect Sendoso on the send form opens Sendoso at once and comes back to the same form", async ({
  page,
}) => {
  await signInThroughIdp(page, "rep2@giftdesk.test");
  await disconnect(page);
  await page.goto("/send?name=Pat%20Partner&company=Acme");
  await page.getByTestId("connect-sendoso-prompt").getByRole("button", { name: "Connect Sendoso" }).click();
  await approveAtSendoso(page);
  // Back on the form with the CRM prefill; the outcome is said once and leaves the address.
  await expect(page).toHaveURL(/\/send\?name=Pat\+Partner&company=Acme$/);
  await expect(page.getByText("Sendoso is connected.").first()).toBeVisible();
  await expect(page.getByLabel("Recipient name")).toHaveValue("Pat Partner");
  await expect(page.getByTestId("sendoso-status")).toContainText("Sendoso: Jordan Patel");
  await expectNoViolations(page);
});

test("the header's Connect Sendoso returns to the page it was pressed on", async ({ page }) => {
  await signInThroughIdp(page, "rep2@giftdesk.test");
  await disconnect(page);
  await page.goto("/history");
  await page.getByTestId("sendoso-status").getByRole("button", { name: "Connect Sendoso" }).click();
  await approveAtSendoso(page);
  await expect(page).toHaveURL(/\/history$/);
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.getByTestId("sendoso-status")).toContainText("Sendoso: Jordan Patel");
});

test("when Sendoso's touch list fails, /send shows the error page with a reference, and Try again recovers", async ({
  page,
}) => {
  await signInThroughIdp(page, "rep2@giftdesk.test");
  // A fresh connection has no cached touch list, so the page must ask Sendoso.
  await disconnect(page);
  await page.goto("/send");
  await sendoso.injectFault({ method: "GET", path: "/api/v3/touches" }, { type: "error_before" }, 50);
  await page.getByTestId("connect-sendoso-prompt").getByRole("button", { name: "Connect Sendoso" }).click();
  await approveAtSendoso(page);

  await expect(page.getByRole("heading", { name: "The send form could not be loaded" })).toBeVisible();
  await expect(page.getByTestId("error-digest")).toHaveText(/\w+/);
  await expect(page.getByRole("link", { name: "History" })).toBeVisible(); // the header is still there
  await expectNoViolations(page);

  await sendoso.clearFaults();
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("radiogroup", { name: "Touch" })).toBeVisible();
  await expect(page.getByTestId("route-error")).toHaveCount(0);
});
