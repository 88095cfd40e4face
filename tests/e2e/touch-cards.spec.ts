import { pageAs } from "./history-support";
import { expectNoViolations } from "./support/axe";
import { sendoso, uniqueEmail } from "./support/sandbox";
import { expect, type Page, test } from "./support/test";

// A real 1×1 PNG, and files that must be refused.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const TOO_BIG = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
const SVG_AS_PNG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const TOUCH = "Coffee for two";
const TAG = "coffee lovers";

test.afterEach(() => sendoso.clearFaults());

async function openCard(admin: Page) {
  // Reached from Spend controls (the header has no room for another admin link at 1280 px).
  await admin.goto("/admin/spend");
  await admin.getByRole("link", { name: "Touch cards" }).click();
  await expect(admin.getByRole("heading", { name: "Touch cards" })).toBeVisible();
  const item = admin.getByTestId("touch-card-admin").filter({ hasText: TOUCH }).first();
  await item.locator("summary").click();
  return item;
}

async function upload(item: ReturnType<Page["locator"]>, name: string, mimeType: string, buffer: Buffer) {
  await item.getByLabel("Picture", { exact: true }).setInputFiles({ name, mimeType, buffer });
  await item.getByRole("button", { name: "Upload picture" }).click();
}

test("an admin gives a touch a picture and tags; a rep filters the cards by keyboard and sends one", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  const item = await openCard(admin);
  const pictureError = item.getByTestId("card-1001-image-error");

  // Too large: answered at once, before anything is uploaded.
  await upload(item, "big.png", "image/png", TOO_BIG);
  await expect(pictureError).toContainText("the limit is 1 MB");
  // Claims to be a PNG but is SVG: the server reads the bytes and refuses it.
  await upload(item, "sneaky.png", "image/png", SVG_AS_PNG);
  await expect(pictureError).toHaveText("This is not a PNG, JPEG or WebP picture (SVG is not accepted).");
  await expect(item.locator("img")).toHaveCount(0);

  await upload(item, "coffee.png", "image/png", PNG);
  await expect(admin.getByText(`Picture for ${TOUCH} saved`).first()).toBeVisible();
  await expect(pictureError).toHaveCount(0);
  await item.getByLabel("Good for (tags)").fill(`${TAG}, thank you`);
  await item.getByLabel("Short description").fill("Two bags of single-origin beans.");
  await item.getByLabel(/^Price shown to reps/).fill("24");
  await item.getByRole("button", { name: "Save card" }).click();
  await expect(admin.getByText(`Card for ${TOUCH} saved`).first()).toBeVisible();
  await expectNoViolations(admin);

  // The picture's URL names its hash; the route answers with its type, nosniff and long caching.
  const src = (await item.locator("img").first().getAttribute("src")) ?? "";
  expect(src).toMatch(/^\/api\/touches\/1001\/image\/[0-9a-f]{64}$/);
  const image = await admin.request.get(src);
  expect(image.status()).toBe(200);
  expect(image.headers()).toMatchObject({
    "content-type": "image/png",
    "x-content-type-options": "nosniff",
    "cache-control": "private, max-age=31536000, immutable",
  });
  expect(Buffer.from(await image.body()).equals(PNG)).toBe(true);

  const rep = await pageAs(browser, "rep");
  await rep.goto("/send");
  const group = rep.getByRole("radiogroup", { name: "Touch" });
  await expect(group.getByRole("radio").first()).toBeVisible();
  // Keyboard only: the "Good for" filter, then Tab into the cards and Space to choose.
  // Controls are disabled until the form is hydrated (components/ui/use-hydrated.ts); focus() does not wait.
  await expect(rep.getByLabel("Good for")).toBeEnabled();
  await rep.getByLabel("Good for").focus();
  await rep.keyboard.press("ArrowDown");
  await expect(rep.getByLabel("Good for")).toHaveValue(TAG);
  await expect(rep.getByText(/^1 of \d+ touches match/)).toBeVisible();
  const card = rep.getByTestId("touch-card");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Physical");
  await expect(card).toContainText("$24");
  await expect(card).toContainText("Ships in 1–3 business days, plus shipping");
  await expect(card.locator("img")).toHaveAttribute("loading", "lazy");
  await expect.poll(() => card.locator("img").evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1);

  await rep.keyboard.press("Tab");
  const radio = group.getByRole("radio", { name: TOUCH, exact: true });
  await expect(radio).toBeFocused();
  await expect(card).not.toHaveCSS("box-shadow", "none"); // the visible focus ring
  await rep.keyboard.press("Space");
  await expect(radio).toBeChecked();
  await expect(card).toContainText("Chosen");
  await expectNoViolations(rep);

  const email = uniqueEmail("cards");
  await rep.getByLabel("Recipient name").fill("Casey Card");
  await rep.getByLabel("Recipient email").fill(email);
  await rep.getByRole("button", { name: "Send gift" }).click();
  await expect(rep.getByTestId("tracking-code")).toBeVisible();
  const [post] = await sendoso.sendPostsFor(email);
  expect(post?.json?.send).toMatchObject({ touch_id: 1001 });

  // Type and price filters narrow the same way; a filter that matches nothing says so.
  await rep.goto("/send");
  await rep.getByLabel("Type").selectOption("egift");
  await expect(rep.getByTestId("touch-card").filter({ hasText: "Physical" })).toHaveCount(0);
  await rep.getByLabel("Good for").selectOption(TAG);
  await expect(rep.getByText("No touch matches these filters.")).toBeVisible();

  // Leave the card as other specs expect it: no picture, no tags.
  const again = await openCard(admin);
  await again.getByRole("button", { name: "Remove picture" }).click();
  await expect(admin.getByText(`Picture for ${TOUCH} removed`).first()).toBeVisible();
  await again.getByLabel("Good for (tags)").fill("");
  await again.getByRole("button", { name: "Save card" }).click();
  await expect(admin.getByText(`Card for ${TOUCH} saved`).first()).toBeVisible();
  expect((await admin.request.get(src)).status()).toBe(404);
});

test("a rep cannot open the touch cards page", async ({ browser }) => {
  const rep = await pageAs(browser, "rep");
  const response = await rep.goto("/admin/touches");
  expect(response?.status()).toBe(404);
});
