import { expect, test as setup } from "@playwright/test";
import { connectSendoso } from "./support/connect-sendoso";
import { ROLES, type RoleName, signInThroughIdp, stateFor } from "./support/sign-in";

const SENDOSO_USER: Record<RoleName, string> = {
  rep: "Avery Chen",
  rep2: "Jordan Patel",
  manager: "Sam Rivera",
  admin: "Avery Chen",
};

for (const [role, user] of Object.entries(ROLES) as [RoleName, (typeof ROLES)[RoleName]][]) {
  setup(`sign in as ${role} through the dev IdP and connect Sendoso`, async ({ page }) => {
    await signInThroughIdp(page, user.email);
    await expect(page).toHaveURL(/\/send$/);
    await expect(page.getByTestId("signed-in-user")).toHaveText(user.name);
    // Each rep sends as their own Sendoso user; connecting goes through Sendoso's OAuth screens.
    await connectSendoso(page, SENDOSO_USER[role]);
    await page.context().storageState({ path: stateFor(role) });
  });
}
