import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configFrom, SANDBOX_WEBHOOK_SECRET } from "@/lib/env";
import { SANDBOX_WEBHOOK_SECRET as SIMULATOR_WEBHOOK_SECRET } from "@/sandbox/sendoso/webhook-signing";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "giftdesk-sendoso-env-"));

describe("Sendoso connection settings", () => {
  it("generates and keeps a 32-byte token key in the data folder outside production", () => {
    const dir = dataDir();
    const config = configFrom({ GIFT_DESK_DATA_DIR: dir });
    expect(Buffer.from(config.tokenEncryptionKey, "base64")).toHaveLength(32);
    expect(readFileSync(path.join(dir, "token-encryption-key"), "utf8").trim()).toBe(
      config.tokenEncryptionKey,
    );
    expect(configFrom({ GIFT_DESK_DATA_DIR: dir }).tokenEncryptionKey).toBe(config.tokenEncryptionKey);
  });

  it("uses a configured key and refuses one that is not 32 bytes", () => {
    const key = randomBytes(32).toString("base64");
    expect(configFrom({ GIFT_DESK_DATA_DIR: dataDir(), TOKEN_ENCRYPTION_KEY: key }).tokenEncryptionKey).toBe(
      key,
    );
    expect(() =>
      configFrom({ GIFT_DESK_DATA_DIR: dataDir(), TOKEN_ENCRYPTION_KEY: randomBytes(16).toString("base64") }),
    ).toThrow(/TOKEN_ENCRYPTION_KEY/);
  });

  it("requires the token key in production", () => {
    expect(() => configFrom({ NODE_ENV: "production", GIFT_DESK_DATA_DIR: dataDir() })).toThrow(
      /TOKEN_ENCRYPTION_KEY/,
    );
  });

  it("defaults to the simulator's OAuth client, a callback under AUTH_URL and 10 requests/second", () => {
    const config = configFrom({ GIFT_DESK_DATA_DIR: dataDir(), AUTH_URL: "https://gifts.example.com/" });
    expect(config.sendoso).toMatchObject({
      clientId: "gift-desk-sandbox",
      clientSecret: "gift-desk-sandbox-secret",
      redirectUri: "https://gifts.example.com/api/sendoso/oauth/callback",
      rateLimitPerSecond: 10,
    });
  });

  it("reads a real Sendoso app and rate limit", () => {
    const config = configFrom({
      GIFT_DESK_DATA_DIR: dataDir(),
      SENDOSO_CLIENT_ID: "cid",
      SENDOSO_CLIENT_SECRET: "csecret",
      SENDOSO_RATE_LIMIT_PER_SECOND: "8",
    });
    expect(config.sendoso).toMatchObject({ sandbox: false, clientId: "cid", clientSecret: "csecret" });
    expect(config.sendoso.rateLimitPerSecond).toBe(8);
    expect(() => configFrom({ GIFT_DESK_DATA_DIR: dataDir(), SENDOSO_RATE_LIMIT_PER_SECOND: "0" })).toThrow(
      /SENDOSO_RATE_LIMIT_PER_SECOND/,
    );
  });

  it("accepts previous token keys for rotation, and names a bad one", () => {
    const previous = randomBytes(32).toString("base64");
    const config = configFrom({ GIFT_DESK_DATA_DIR: dataDir(), TOKEN_ENCRYPTION_PREVIOUS_KEYS: previous });
    expect(config.previousTokenEncryptionKeys).toEqual([previous]);
    expect(() =>
      configFrom({ GIFT_DESK_DATA_DIR: dataDir(), TOKEN_ENCRYPTION_PREVIOUS_KEYS: `${previous},short` }),
    ).toThrow(/TOKEN_ENCRYPTION_PREVIOUS_KEYS/);
  });

  it("shares the simulator's webhook secret outside production with the sandbox, and only there", () => {
    expect(SANDBOX_WEBHOOK_SECRET).toBe(SIMULATOR_WEBHOOK_SECRET);
    expect(configFrom({ GIFT_DESK_DATA_DIR: dataDir() }).sendoso.webhookSecret).toBe(SANDBOX_WEBHOOK_SECRET);
    const realSendoso = {
      GIFT_DESK_DATA_DIR: dataDir(),
      SENDOSO_CLIENT_ID: "cid",
      SENDOSO_CLIENT_SECRET: "s",
    };
    expect(configFrom(realSendoso).sendoso.webhookSecret).toBeUndefined();
    const demo = configFrom({
      NODE_ENV: "production",
      GIFT_DESK_DEMO: "1",
      GIFT_DESK_DATA_DIR: dataDir(),
      AUTH_SECRET: "x".repeat(32),
    });
    expect(demo.sendoso.webhookSecret).toBeUndefined();
  });

  it("uses a configured webhook secret and refuses one that is not whsec_ + base64", () => {
    const secret = `whsec_${randomBytes(24).toString("base64")}`;
    const config = configFrom({ GIFT_DESK_DATA_DIR: dataDir(), SENDOSO_WEBHOOK_SECRET: secret });
    expect(config.sendoso.webhookSecret).toBe(secret);
    for (const bad of ["secret", "whsec_", "whsec_not base64!"]) {
      expect(() => configFrom({ GIFT_DESK_DATA_DIR: dataDir(), SENDOSO_WEBHOOK_SECRET: bad })).toThrow(
        /SENDOSO_WEBHOOK_SECRET/,
      );
    }
  });
});
