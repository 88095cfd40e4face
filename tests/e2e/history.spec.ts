import { readFile } from "node:fs/promises";
import { expectNoViolations, pageAs, sendThroughUi } from "./history-support";
import { sendoso, uniqueEmail } from "./support/sandbox";
import { expect, test } from "./support/test";

test.afterEach(() => sendoso.clearFaults());

test("a manager filters the team's history, opens a send, and exports the filter", async ({ browser }) => {
  const company = `Quillworks${Date.now()}`;
  const email = uniqueEmail("quill");
  const other = uniqueEmail("other");
  const rep = await pageAs(browser, "rep");
  await sendThroughUi(rep, email, company);
  await expect(rep.getByTestId("tracking-code")).toBeVisible();
  const trackingCode = (await rep.getByTestId("tracking-code").textContent()) ?? "";
  await sendThroughUi(rep, other);
  await expect(rep.getByTestId("tracking-code")).toBeVisible();

  const page = await pageAs(browser, "manager");
  await page.goto("/history");
  await expect(page.getByTestId("history-row").filter({ hasText: other })).toBeVisible();
  await page.getByLabel("Search recipients").fill(company.toLowerCase());
  await page.getByLabel("Rep").selectOption({ label: "Riley Rep" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${company.toLowerCase()}`));
  await expect(page.getByTestId("history-row")).toHaveCount(1);
  await expect(page.getByTestId("history-row")).toContainText(email);
  await expect(page.getByTestId("history-row")).toContainText(company);
  await expectNoViolations(page);

  // The filter is in the URL: Back returns to the unfiltered list, Forward to the filtered one.
  await page.goBack();
  await expect(page.getByTestId("history-row").filter({ hasText: other })).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId("history-row")).toHaveCount(1);
  await expect(page.getByLabel("Search recipients")).toHaveValue(company.toLowerCase());

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const csv = await readFile((await (await download).path()) ?? "", "utf8");
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toMatch(/^Date \(UTC\),Rep,Rep email,Team,Recipient name,Recipient email/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(email);
  expect(lines[1]).toContain(trackingCode);

  await page.getByRole("link", { name: "Jane Doe" }).click();
  await expect(page.getByRole("heading", { name: "Gift to Jane Doe" })).toBeVisible();
  await expect(page.getByTestId("detail-tracking-code")).toHaveText(trackingCode);
  await expect(page.getByTestId("detail-request-body")).toContainText(`"email": "${email}"`);
  await expect(page.getByTestId("detail-message")).toHaveText("Thanks for the great call!");
  // Recorded straight as in flight (one commit before the POST), then sent.
  await expect(page.getByTestId("event-row")).toHaveCount(2);
  await expectNoViolations(page);
});

test("a manager cannot mark an unknown send not sent before Sendoso has been checked, and is told why", async ({
  browser,
}) => {
  const email = uniqueEmail("unknown");
  await sendoso.injectSendFault({ type: "error_after" });
  const rep = await pageAs(browser, "rep");
  await sendThroughUi(rep, email);
  await expect(rep.getByRole("alert").filter({ hasText: "Do not resend this gift" })).toBeVisible();

  const page = await pageAs(browser, "manager");
  await page.goto(`/history?q=${encodeURIComponent(email)}&bucket=unknown`);
  await page.getByRole("link", { name: "Jane Doe" }).click();
  await page.getByRole("button", { name: "Mark not sent…" }).click();
  await expectNoViolations(page);
  await page.getByRole("button", { name: "Mark not sent", exact: true }).click();
  await expect(page.getByTestId("reason-error")).toContainText("Say how you checked");
  await page.getByLabel("How did you check?").fill("Searched Sendoso's send tracker: no such send");
  await page.getByRole("button", { name: "Mark not sent", exact: true }).click();
  // A minute after sending, Sendoso may still list it: refused, with the reason, nothing changed.
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("alert")).toContainText("Too early");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("event-row").last()).not.toContainText("Not sent");
});

test("a rep sees only their own sends, whatever the URL asks for", async ({ browser, request }) => {
  const theirs = uniqueEmail("rep2-only");
  const rep2 = await pageAs(browser, "rep2");
  await sendThroughUi(rep2, theirs);
  await expect(rep2.getByTestId("tracking-code")).toBeVisible();
  await rep2.goto(`/history?q=${encodeURIComponent(theirs)}`);
  await rep2.getByRole("link", { name: "Jane Doe" }).click();
  await expect(rep2).toHaveURL(/\/history\/[0-9a-f-]{36}$/);
  const detailPath = new URL(rep2.url()).pathname;

  const rep = await pageAs(browser, "rep");
  await rep.goto(`/history?q=${encodeURIComponent(theirs)}&team=b`);
  await expect(rep.getByText("No sends match these filters.")).toBeVisible();
  const response = await rep.goto(detailPath);
  expect(response?.status()).toBe(404);
  await expect(rep.getByRole("heading", { name: "Send not found" })).toBeVisible();
  await expect(rep.getByRole("button", { name: "Export CSV" })).toHaveCount(0);
  const origin = { headers: { origin: new URL(rep.url()).origin } };
  expect((await rep.request.post("/api/sends/export", origin)).status()).toBe(403);
  const id = detailPath.split("/").at(-1);
  const status = await rep.request.get(`/api/sends/status?ids=${id}`);
  expect(await status.json()).toEqual({ statuses: [] });

  // Signed out: the JSON endpoints answer 401, never data.
  expect((await request.get(`/api/sends/status?ids=${id}`)).status()).toBe(401);
  expect((await request.post("/api/sends/export", origin)).status()).toBe(401);
});

test("history shows a loading-free empty state and is keyboard reachable", async ({ browser }) => {
  const page = await pageAs(browser, "rep");
  await page.goto("/history?q=zzzznobodyzzzz");
  await expect(page.getByText("No sends match these filters.")).toBeVisible();
  await expectNoViolations(page);
  // Selects are disabled until hydrated, and Tab skips a disabled one.
  await expect(page.getByLabel("Status")).toBeEnabled();
  await page.getByLabel("Search recipients").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Status")).toBeFocused();
});

test("rows whose status can still change are refreshed in the background, not while hidden", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("poll");
  const rep = await pageAs(browser, "rep");
  await sendThroughUi(rep, email);
  await expect(rep.getByTestId("tracking-code")).toBeVisible();
  await rep.goto(`/history?q=${encodeURIComponent(email)}`);
  await rep.getByRole("link", { name: "Jane Doe" }).click();
  await expect(rep).toHaveURL(/\/history\/[0-9a-f-]{36}$/);
  const id = new URL(rep.url()).pathname.split("/").at(-1) ?? "";
  await rep.goBack();
  // A sent gift with no Sendoso status yet is "pending": the page polls it (every 15 s).
  const poll = await rep.waitForResponse(
    (r) => r.url().includes("/api/sends/status?ids=") && r.url().includes(id),
    {
      timeout: 25_000,
    },
  );
  expect(await poll.json()).toMatchObject({ statuses: [{ id, state: "sent", bucket: "pending" }] });

  // Hidden tab: no polling. Shown again: it catches up at once.
  const setVisibility = (state: "hidden" | "visible") =>
    rep.evaluate((value) => {
      Object.defineProperty(document, "visibilityState", { value, configurable: true });
      document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
    }, state);
  let polledWhileHidden = 0;
  rep.on("request", (r) => {
    if (r.url().includes("/api/sends/status")) polledWhileHidden++;
  });
  await setVisibility("hidden");
  await rep.waitForTimeout(20_000);
  expect(polledWhileHidden).toBe(0);
  const caughtUp = rep.waitForRequest((r) => r.url().includes("/api/sends/status"), { timeout: 5_000 });
  await setVisibility("visible");
  await caughtUp;
});
