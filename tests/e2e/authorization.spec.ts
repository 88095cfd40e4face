import { postAction } from "./support/actions";
import { E2E } from "./support/ports";
import { sendoso, uniqueEmail } from "./support/sandbox";
import { fillSendForm } from "./support/send-form";
import { type RoleName, stateFor } from "./support/sign-in";
import { expect, type Page, test } from "./support/test";

const PAGES = ["/send", "/history"];

async function sendAs(page: Page, email: string) {
  await fillSendForm(page, email);
  await page.getByRole("button", { name: "Send gift" }).click();
  await expect(page.getByTestId("tracking-code")).toBeVisible();
}

const validSend = (email: string) => ({
  sendType: "address_collection",
  idempotencyKey: crypto.randomUUID(),
  touchId: 1001,
  recipientName: "Script Kiddie",
  recipientEmail: email,
});

test.describe("signed out", () => {
  for (const path of PAGES) {
    test(`${path} redirects to sign-in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/signin/);
    });

    test(`${path} is not served by skipping the proxy with x-middleware-subrequest`, async ({ request }) => {
      const response = await request.get(path, {
        headers: {
          "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy",
          Cookie: "authjs.session-token=forged",
        },
        maxRedirects: 0,
      });
      const html = await response.text();
      // The page title may stream before the redirect; no signed-in content may.
      expect(html).not.toContain('data-testid="signed-in-user"');
      expect(html).not.toContain('name="recipientEmail"');
      expect(html).not.toContain('data-testid="history-row"');
    });
  }

  test("a direct POST to the send action with a forged session cookie sends nothing", async ({ request }) => {
    const email = uniqueEmail("anon");
    const response = await postAction(request, "/send", "sendGift", [validSend(email)], {
      Origin: E2E.appUrl,
      Cookie: "authjs.session-token=forged",
    });
    expect(response.headers()["x-action-redirect"]).toMatch(/^\/signin/);
    expect(await sendoso.sendPostsFor(email)).toHaveLength(0);
  });
});

test.describe("signed in as a rep", () => {
  test.use({ storageState: stateFor("rep") });

  test("a scripted POST from a foreign origin is refused and sends nothing", async ({ request }) => {
    const email = uniqueEmail("foreign");
    const response = await postAction(request, "/send", "sendGift", [validSend(email)], {
      Origin: "https://evil.example",
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(await sendoso.sendPostsFor(email)).toHaveLength(0);
  });

  test("a scripted POST without an Origin is refused and sends nothing", async ({ request }) => {
    const email = uniqueEmail("no-origin");
    const response = await postAction(request, "/send", "sendGift", [validSend(email)], {});
    expect(await response.text()).toContain("This request did not come from Gift Desk");
    expect(await sendoso.sendPostsFor(email)).toHaveLength(0);
  });

  test("same origin is the default: an action that does not ask for it still refuses a POST without one", async ({
    request,
  }) => {
    // connectSendoso sets no sameOriginOnly option (lib/auth/action.ts checks unless told `false`).
    const response = await postAction(request, "/settings", "connectSendoso", [{ purpose: "own" }], {});
    expect(await response.text()).toContain("This request did not come from Gift Desk");
    expect(response.headers()["x-action-redirect"]).toBeUndefined();
  });

  test("fields a client adds (sender, cost, state) are ignored", async ({ request }) => {
    const email = uniqueEmail("mass-assign");
    const response = await postAction(request, "/send", "sendGift", [
      { ...validSend(email), senderId: "00000000-0000-0000-0000-000000000000", state: "sent", cost: 0 },
    ]);
    expect(response.ok()).toBe(true);
    const [post] = await sendoso.sendPostsFor(email);
    expect(Object.keys(post?.json?.send ?? {})).not.toContain("senderId");
  });
});

test("history is scoped: own sends for reps, the team for managers, everything for admins", async ({
  browser,
}) => {
  const pageAs = async (role: RoleName) =>
    (await browser.newContext({ storageState: stateFor(role) })).newPage();
  const teamA = uniqueEmail("team-a");
  const teamB = uniqueEmail("team-b");
  await sendAs(await pageAs("rep"), teamA);
  await sendAs(await pageAs("rep2"), teamB);

  const visible = async (role: RoleName) => {
    const page = await pageAs(role);
    await page.goto("/history");
    // The list streams in after the loading skeleton; read it only once it is there.
    await expect(page.getByText("Loading sends…")).toHaveCount(0);
    const text = (await page.getByRole("main").textContent()) ?? "";
    return { a: text.includes(teamA), b: text.includes(teamB) };
  };
  expect(await visible("rep")).toEqual({ a: true, b: false });
  expect(await visible("rep2")).toEqual({ a: false, b: true });
  expect(await visible("manager")).toEqual({ a: true, b: false });
  expect(await visible("admin")).toEqual({ a: true, b: true });
});
