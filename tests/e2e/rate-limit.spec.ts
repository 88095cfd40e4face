import { expect, test } from "@playwright/test";
import { postAction } from "./support/actions";
import { stateFor } from "./support/sign-in";

test.use({ storageState: stateFor("admin") });

test("a user over the per-minute send limit is refused before anything runs", async ({ request }) => {
  // 30 attempts a minute are allowed (playwright.config.ts); each attempt counts, valid or not.
  const answers: string[] = [];
  for (let i = 0; i < 31; i++) {
    answers.push(await (await postAction(request, "/send", "sendGift", [{}])).text());
  }
  expect(answers.slice(0, 30).every((a) => a.includes("Check the highlighted fields"))).toBe(true);
  expect(answers[30]).toContain("You are going faster than Gift Desk allows");
});
