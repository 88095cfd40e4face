import { randomUUID } from "node:crypto";
import { postAction } from "./support/actions";
import { E2E_SENDS_PER_MINUTE as LIMIT } from "./support/ports";
import { stateFor } from "./support/sign-in";
import { expect, test } from "./support/test";

test.use({ storageState: stateFor("admin") });

test("a user over the per-minute send limit is refused before anything is recorded", async ({ request }) => {
  // LIMIT sends a minute are allowed (playwright.config.ts). The limit is counted inside the send's own
  // transaction, so only well-formed sends count; a touch Sendoso does not list keeps them cheap.
  const stamp = Date.now();
  const answers: string[] = [];
  for (let i = 0; i <= LIMIT; i++) {
    const values = {
      idempotencyKey: randomUUID(),
      sendType: "address_collection",
      touchId: 999_999,
      recipientName: "Rate Test",
      recipientEmail: `rate-${stamp}-${i}@example.com`,
    };
    answers.push(await (await postAction(request, "/send", "sendGift", [values])).text());
  }
  expect(answers.slice(0, LIMIT).some((a) => a.includes("going faster"))).toBe(false);
  expect(answers[LIMIT]).toContain("You are going faster than Gift Desk allows");
});
