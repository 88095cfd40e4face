import { createSharedPostgres } from "../support/postgres-database";
import { E2E } from "./support/ports";
import { productionEnv, runInStandalone, startStandalone, waitForAnswer } from "./support/standalone";
import { expect, test } from "./support/test";

// The suite's app already is the standalone server (scripts/start-standalone.mjs), so every signed-in
// send in the other specs runs on the image's traced files. These add the operator's view of it.

test("liveness and readiness are public, cheap and say nothing about the configuration", async ({
  playwright,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL: E2E.appUrl });
  const health = await anonymous.get("/api/health", { maxRedirects: 0 });
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  expect(health.headers()["cache-control"]).toContain("no-store");

  const ready = await anonymous.get("/api/ready", { maxRedirects: 0 });
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
  await anonymous.dispose();
});

const standalonePort = E2E.appPort + 40;

test("the standalone server refuses a production configuration whose jobs could never run", async () => {
  // Cron mode (the production default) without CRON_SECRET: every /api/cron/* call would be refused.
  const started = startStandalone(
    productionEnv({ PORT: String(standalonePort), DATABASE_URL: "postgres://app@127.0.0.1:1/none" }),
  );
  expect(await started.exited).toBe(1);
  expect(started.output()).toContain("Gift Desk cannot start: Background jobs would never run");
  expect(started.output()).toContain("GIFT_DESK_JOBS=in-process");
});

const servers = process.env.TEST_DATABASE_URL ? [process.env.TEST_DATABASE_URL] : [];

for (const adminUrl of servers) {
  test("on PostgreSQL: refuses a database behind its migrations, then the image's migrate step fixes it", async () => {
    test.setTimeout(90_000);
    const database = await createSharedPostgres(adminUrl);
    const env = productionEnv({
      PORT: String(standalonePort),
      DATABASE_URL: database.url,
      GIFT_DESK_MIGRATE_ON_START: "0",
      GIFT_DESK_JOBS: "in-process",
    });
    try {
      const refused = startStandalone(env);
      expect(await refused.exited).toBe(1);
      expect(refused.output()).toMatch(
        /behind this release: \d+ migration\(s\) not applied\. Run `npm run db:migrate`/,
      );

      const migrated = await runInStandalone("scripts/db-migrate.mjs", {
        ...env,
        MIGRATION_DATABASE_URL: database.url,
      });
      expect(migrated.output).toMatch(/db:migrate: [1-9]\d* migration\(s\) applied/);
      expect(migrated.code).toBe(0);

      const started = startStandalone(env);
      try {
        await waitForAnswer(`http://127.0.0.1:${standalonePort}/api/health`, started);
        const ready = await fetch(`http://127.0.0.1:${standalonePort}/api/ready`);
        expect(await ready.json()).toEqual({ status: "ready" });
      } finally {
        started.child.kill("SIGTERM");
        await started.exited;
      }
    } finally {
      await database.drop();
    }
  });
}
