import type { Page } from "@playwright/test";

/**
 * The next `times` send-form submits reach the server (which runs the action to the end) but their
 * answers never reach the browser: the connection resets, as on a flaky train Wi-Fi. Server actions
 * are POSTs to the page's own path with a `next-action` header.
 */
export async function loseActionAnswers(page: Page, times: number) {
  let left = times;
  await page.route(
    (url) => url.pathname === "/send",
    async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"] || left <= 0)
        return route.fallback();
      left -= 1;
      await route.fetch();
      await route.abort("connectionreset");
    },
  );
}

/** The idempotency key in this tab's saved send-form drafts (components/send/use-form-draft.ts). */
export async function draftKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const keys: string[] = [];
    for (let i = 0; i < sessionStorage.length; i++) {
      const name = sessionStorage.key(i) ?? "";
      if (!name.startsWith("gift-desk:send-draft")) continue;
      const draft = JSON.parse(sessionStorage.getItem(name) ?? "{}") as { idempotencyKey?: string };
      if (draft.idempotencyKey) keys.push(draft.idempotencyKey);
    }
    return keys;
  });
}
