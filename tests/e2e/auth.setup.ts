import { expect, test as setup } from "@playwright/test";
import { REP_STATE, signInThroughIdp } from "./support/sign-in";

setup("sign in as the rep through the dev IdP", async ({ page }) => {
  await signInThroughIdp(page, "rep@giftdesk.test");
  await expect(page).toHaveURL(/\/send$/);
  await expect(page.getByTestId("signed-in-user")).toHaveText("Riley Rep");
  await page.context().storageState({ path: REP_STATE });
});
