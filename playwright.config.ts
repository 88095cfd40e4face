import { defineConfig, devices } from "@playwright/test";
import { E2E, E2E_SENDS_PER_MINUTE } from "./tests/e2e/support/ports";
import { E2E_WEBHOOK_SECRET, webhookUrl } from "./tests/e2e/support/webhooks";

// Debian's Chromium; Playwright never downloads a browser here.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const appEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  // `next start` runs in production mode; the bundled sandbox is used on purpose.
  GIFT_DESK_DEMO: "1",
  GIFT_DESK_DATA_DIR: ".data/e2e",
  AUTH_URL: E2E.appUrl,
  SANDBOX_IDP_URL: E2E.idpUrl,
  SANDBOX_SENDOSO_URL: E2E.sendosoUrl,
  SENDOSO_TIMEOUT_MS: "3000",
  // Low enough for rate-limit.spec.ts to reach, high enough for the rest of the suite.
  SEND_RATE_LIMIT_PER_MINUTE: String(E2E_SENDS_PER_MINUTE),
  // Production mode has no sandbox webhook secret: the app and the simulator get the same one here.
  SENDOSO_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
  // Notification emails go to the SMTP sink below; the tests read them from its HTTP side.
  SMTP_URL: E2E.smtpUrl,
  CRON_SECRET: E2E.cronSecret,
  // Not UTC, so budget months and the dashboard's default range are checked in a real zone.
  ORG_TIME_ZONE: "Europe/Berlin",
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL: E2E.appUrl,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
    {
      // A German-speaking viewer in New Zealand: money and days in their locale, dates in their zone.
      name: "intl",
      use: { ...devices["Desktop Chrome"], locale: "de-DE", timezoneId: "Pacific/Auckland" },
      dependencies: ["setup"],
      testMatch: /\/(dashboard|history|manager-charts)\.spec\.ts$/,
    },
    // The send and history stories again on a phone-sized screen (header menu, stacked history cards).
    {
      name: "mobile-390",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      },
      testMatch: /\/(send|history)\.spec\.ts$/,
      dependencies: ["setup"],
    },
  ],
  webServer: [
    {
      command: "node_modules/.bin/tsx sandbox/idp/main.ts",
      url: `${E2E.idpUrl}/__idp/health`,
      env: { IDP_PORT: String(E2E.idpPort), IDP_REDIRECT_URIS: `${E2E.appUrl}/api/auth/callback/oidc` },
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: "node_modules/.bin/tsx sandbox/sendoso/main.ts",
      url: `${E2E.sendosoUrl}/__sandbox/health`,
      env: {
        SENDOSO_SIM_PORT: String(E2E.sendosoPort),
        SENDOSO_SIM_REDIRECT_URIS: `${E2E.appUrl}/api/sendoso/oauth/callback`,
        SENDOSO_SIM_WEBHOOK_URLS: webhookUrl,
        SENDOSO_SIM_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
      },
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: "node_modules/.bin/tsx sandbox/smtp/main.ts",
      url: `${E2E.smtpHttpUrl}/__smtp/health`,
      env: { SMTP_SINK_PORT: String(E2E.smtpPort), SMTP_SINK_HTTP_PORT: String(E2E.smtpHttpPort) },
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      // A fresh embedded database for every run; the build is skipped when the caller already built.
      // The standalone server, as in the container image, so the suite proves its traced files suffice.
      command: `rm -rf .data/e2e && ${process.env.E2E_SKIP_BUILD ? "" : "node_modules/.bin/next build && "}node scripts/start-standalone.mjs ${E2E.appPort}`,
      url: `${E2E.appUrl}/signin`,
      env: appEnv,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});
