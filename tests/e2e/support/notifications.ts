import { expect, type Page } from "@playwright/test";
import { E2E } from "./ports";

/** A title no other test uses. */
export const uniqueTitle = (label: string) => `${label} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/**
 * Puts a notification in the signed-in user's own inbox through the sandbox route, which calls the real
 * notify() (only available with the bundled dev sign-in). Uses the page's session cookies.
 */
export async function seedNotification(page: Page, title: string, link = "/history") {
  const response = await page.request.post("/api/sandbox/notifications", {
    headers: { Origin: E2E.appUrl },
    data: { category: "send_failed", title, body: `Body of ${title}`, link },
  });
  expect(response.status()).toBe(201);
}

/** The header bell, found by the accessible name that carries the unread count. */
export const bell = (page: Page) => page.getByTestId("notification-bell");

/** Starts from an empty unread count, whatever earlier tests left. */
export async function markEverythingRead(page: Page) {
  await page.goto("/notifications");
  const markAll = page.getByRole("button", { name: "Mark all read" });
  if (await markAll.isEnabled()) await markAll.click();
  await expect(page.getByTestId("unread-summary")).toHaveText("Nothing unread.");
  await expect(bell(page)).toHaveAccessibleName("Notifications, none unread");
}

/** Pretends the tab was hidden or shown (React Query's focus manager listens for visibilitychange). */
export const setVisibility = (page: Page, state: "hidden" | "visible") =>
  page.evaluate((value) => {
    Object.defineProperty(document, "visibilityState", { value, configurable: true });
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  }, state);
