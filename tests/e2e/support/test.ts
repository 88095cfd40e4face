import { test as base } from "@playwright/test";

export type { Browser, Page } from "@playwright/test";
export { expect } from "@playwright/test";

/**
 * `test` with one automatic fixture: when a test fails, every page still open in any context gets its
 * URL and the text of its alerts and status regions attached to the report (text attachments are
 * printed with the failure). A send that "never showed its tracking code" then says what it showed
 * instead (a limit, a busy limiter, a budget), even where CI keeps only the end of the output.
 */
export const test = base.extend<{ pageStateOnFailure: void }>({
  pageStateOnFailure: [
    // `context` is named so the default context is still open when this runs after the test.
    async ({ browser, context: _context }, use, testInfo) => {
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      // Newest first and short: the reporter prints only the start of a text attachment.
      const lines: string[] = [];
      for (const context of browser.contexts().toReversed()) {
        for (const page of context.pages().toReversed()) {
          const texts = await page
            .locator('[role="alert"], [role="status"], [data-testid$="-error"]')
            .allInnerTexts()
            .catch(() => [] as string[]);
          const said = texts.map((t) => t.replace(/\s+/g, " ").trim()).filter(Boolean);
          lines.push(`${new URL(page.url()).pathname}: ${said.join(" | ").slice(0, 160) || "(nothing)"}`);
        }
      }
      if (lines.length > 0) {
        await testInfo.attach("pages at failure", { body: lines.join("\n"), contentType: "text/plain" });
      }
    },
    { auto: true },
  ],
});
