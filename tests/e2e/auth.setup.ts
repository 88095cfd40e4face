import { expect, test as setup } from "@playwright/test";
import { ROLES, type RoleName, signInThroughIdp, stateFor } from "./support/sign-in";

for (const [role, user] of Object.entries(ROLES) as [RoleName, (typeof ROLES)[RoleName]][]) {
  setup(`sign in as ${role} through the dev IdP`, async ({ page }) => {
    await signInThroughIdp(page, user.email);
    await expect(page).toHaveURL(/\/send$/);
    await expect(page.getByTestId("signed-in-user")).toHaveText(user.name);
    await page.context().storageState({ path: stateFor(role) });
  });
}
