import { expectNoViolations, pageAs } from "./history-support";
import { E2E } from "./support/ports";
import { sendoso, uniqueEmail } from "./support/sandbox";
import { chooseTouch } from "./support/send-form";
import { requestAs } from "./support/sign-in";
import { expect, type Page, test } from "./support/test";

// One story, in order: the admin's cap applies to the rep's sends after it.
test.describe.configure({ mode: "serial" });

async function setEmailCap(admin: Page, amount: string, overCap: "Refuse the gift" | "Ask an approver") {
  await admin.goto("/admin/spend");
  const form = admin.getByRole("form", { name: "Recipient caps" });
  await form.getByLabel("Yearly cap per recipient email (USD)").fill(amount);
  // Every sandbox recipient is at example.com: a domain cap would reach the other specs' sends.
  await form.getByLabel("Yearly cap per recipient domain (USD)").fill("");
  await form.getByLabel(overCap).check();
  await form.getByRole("button", { name: "Save recipient caps" }).click();
  await expect(admin.getByText("Recipient caps saved").first()).toBeVisible();
}

/** An eGift counted at the top of its range ($100); unpriced touches would wait for approval instead. */
async function fillUberEats(page: Page, email: string) {
  await page.goto("/send");
  await chooseTouch(page, "Uber Eats eGift");
  await page.getByLabel("Recipient email").fill(email);
  await page.getByLabel("Custom message").fill("Coffee is on us!");
}

test.afterAll(async ({ browser }) => {
  await setEmailCap(await pageAs(browser, "admin"), "", "Refuse the gift");
});

test("an admin sets a yearly cap per recipient, with a field error for a bad amount", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/spend");
  const form = admin.getByRole("form", { name: "Recipient caps" });
  await form.getByLabel("Yearly cap per recipient email (USD)").fill("-3");
  await form.getByRole("button", { name: "Save recipient caps" }).click();
  await expect(form.getByText("The yearly cap per recipient cannot be negative")).toBeVisible();
  await setEmailCap(admin, "150", "Refuse the gift");
  await admin.reload();
  await expect(form.getByLabel("Yearly cap per recipient email (USD)")).toHaveValue("150.00");
  await expectNoViolations(admin);
});

test("the rep sees the recipient's gifts and allowance while typing, and is refused over the cap", async ({
  browser,
}) => {
  const rep = await pageAs(browser, "rep");
  const email = uniqueEmail("capped");
  await fillUberEats(rep, email);
  const glance = rep.getByRole("region", { name: "This recipient at a glance" });
  await expect(glance.getByRole("status")).toHaveText(`No earlier gifts to ${email} that you can see.`);
  await expect(glance).toContainText("cap for this recipient: $150.00 left of $150.00");
  await rep.getByRole("button", { name: "Send gift" }).click();
  await expect(rep.getByTestId("tracking-code")).toBeVisible();

  // $50.00 is left, and a second one does not fit.
  await fillUberEats(rep, email);
  await expect(glance.getByRole("status")).toHaveText(`1 earlier gift to ${email} that you can see.`);
  await expect(glance).toContainText("$50.00 left of $150.00");
  const row = glance.getByRole("row").nth(1);
  await expect(row).toContainText("Uber Eats eGift");
  await expect(row).toContainText("Riley Rep");
  await expect(row).toContainText("Sent");
  await expectNoViolations(rep);
  await rep.getByRole("button", { name: "Send gift" }).click();
  await rep.getByRole("button", { name: "Send anyway" }).click();
  const refusal = rep.getByTestId("over-budget-message");
  await expect(refusal).toContainText(`gift cap for ${email}`);
  await expect(refusal).toContainText("this $100.00 gift would bring");
  await expect(refusal).toContainText("to $200.00 (cap $150.00, $100.00 already sent or reserved)");
  await expect(refusal).toContainText("Nothing was sent.");
  expect(await sendoso.sendPostsFor(email)).toHaveLength(1);
});

test("the glance endpoint refuses the signed-out, other sites and non-JSON", async ({ playwright }) => {
  const body = { email: "anyone@example.com" };
  const anon = await requestAs(playwright);
  expect(
    (await anon.post("/api/recipients/glance", { data: body, headers: { Origin: E2E.appUrl } })).status(),
  ).toBe(401);
  await anon.dispose();
  const rep = await requestAs(playwright, "rep");
  const crossSite = await rep.post("/api/recipients/glance", {
    data: body,
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
  });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toEqual({ error: "Look up recipients from Gift Desk itself." });
  const bad = await rep.post("/api/recipients/glance", {
    data: "not json",
    headers: { Origin: E2E.appUrl, "Content-Type": "application/json" },
  });
  expect(bad.status()).toBe(400);
  await rep.dispose();
});

test("lookups are limited per user (RECIPIENT_CHECK_RATE_LIMIT_PER_MINUTE): past it, 429 and nothing told", async ({
  playwright,
}) => {
  // rep2, so the rep's glances in later specs keep their allowance (the window is a minute).
  const rep2 = await requestAs(playwright, "rep2");
  const statuses: number[] = [];
  let last: Awaited<ReturnType<typeof rep2.post>> | undefined;
  // RECIPIENT_CHECK_RATE_LIMIT_PER_MINUTE is 5 here (the default).
  for (let i = 0; i < 6; i++) {
    last = await rep2.post("/api/recipients/glance", {
      data: { email: uniqueEmail("limit") },
      headers: { Origin: E2E.appUrl },
    });
    statuses.push(last.status());
  }
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  expect(Number(last?.headers()["retry-after"])).toBeGreaterThan(0);
  expect(Object.keys((await last?.json()) ?? {})).toEqual(["error"]);
  await rep2.dispose();
});
