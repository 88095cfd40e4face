import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configFrom } from "@/lib/env";

const dataDir = mkdtempSync(path.join(tmpdir(), "giftdesk-env-jobs-"));

/** A complete production configuration, so only the jobs settings decide. */
const production = {
  NODE_ENV: "production",
  GIFT_DESK_DATA_DIR: dataDir,
  AUTH_SECRET: "s".repeat(40),
  AUTH_URL: "https://gifts.acme.com",
  AUTH_OIDC_ISSUER: "https://acme.okta.com",
  AUTH_OIDC_CLIENT_ID: "client",
  AUTH_OIDC_CLIENT_SECRET: "secret",
  AUTH_ALLOWED_DOMAINS: "acme.com",
  SENDOSO_BASE_URL: "https://app.sendoso.com",
  SENDOSO_CLIENT_ID: "sid",
  SENDOSO_CLIENT_SECRET: "ssecret",
  DATABASE_URL: "postgres://app@db:5432/giftdesk",
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("background jobs configuration", () => {
  it("refuses a production configuration in which no job can ever run, naming both ways out", () => {
    expect(() => configFrom(production)).toThrow(/CRON_SECRET.*GIFT_DESK_JOBS=in-process/s);
    expect(() => configFrom({ ...production, GIFT_DESK_JOBS: "cron" })).toThrow(/never run/);
  });

  it("accepts cron with a secret, or in-process jobs, in production", () => {
    const cron = configFrom({ ...production, CRON_SECRET: "c".repeat(32) });
    expect(cron.jobs).toBe("cron");
    expect(cron.inProcessJobs).toBe(false);
    const inProcess = configFrom({ ...production, GIFT_DESK_JOBS: "in-process" });
    expect(inProcess.jobs).toBe("in-process");
    expect(inProcess.inProcessJobs).toBe(true);
  });

  it("runs jobs in-process outside production and in the demo", () => {
    expect(configFrom({ GIFT_DESK_DATA_DIR: dataDir }).jobs).toBe("in-process");
    expect(
      configFrom({ NODE_ENV: "production", GIFT_DESK_DEMO: "1", GIFT_DESK_DATA_DIR: dataDir }).jobs,
    ).toBe("in-process");
  });

  it("migrates at start unless GIFT_DESK_MIGRATE_ON_START=0, and rejects other values", () => {
    expect(configFrom({ GIFT_DESK_DATA_DIR: dataDir }).migrateOnStart).toBe(true);
    expect(configFrom({ GIFT_DESK_DATA_DIR: dataDir, GIFT_DESK_MIGRATE_ON_START: "0" }).migrateOnStart).toBe(
      false,
    );
    expect(() => configFrom({ GIFT_DESK_DATA_DIR: dataDir, GIFT_DESK_MIGRATE_ON_START: "no" })).toThrow(
      /GIFT_DESK_MIGRATE_ON_START/,
    );
    expect(() => configFrom({ GIFT_DESK_DATA_DIR: dataDir, GIFT_DESK_JOBS: "systemd" })).toThrow(
      /GIFT_DESK_JOBS/,
    );
  });
});
