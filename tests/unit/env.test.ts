import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configFrom } from "@/lib/env";

const dataDir = mkdtempSync(path.join(tmpdir(), "giftdesk-env-"));

describe("configFrom", () => {
  it("falls back to the bundled sandbox outside production", () => {
    const config = configFrom({ NODE_ENV: "development", GIFT_DESK_DATA_DIR: dataDir });
    expect(config.auth.sandbox).toBe(true);
    expect(config.auth.issuer).toBe("http://127.0.0.1:4000");
    expect(config.sendoso.sandbox).toBe(true);
    expect(config.sendoso.baseUrl).toBe("http://127.0.0.1:4010");
    expect(config.database).toEqual({ kind: "pglite", dir: `${dataDir}/pglite` });
    expect(config.auth.secret.length).toBeGreaterThanOrEqual(32);
    // The generated secret is kept, so sessions survive a restart.
    expect(configFrom({ NODE_ENV: "development", GIFT_DESK_DATA_DIR: dataDir }).auth.secret).toBe(
      config.auth.secret,
    );
  });

  it("names every missing variable in production", () => {
    expect(() => configFrom({ NODE_ENV: "production", GIFT_DESK_DATA_DIR: dataDir })).toThrow(
      /Missing configuration for production: AUTH_SECRET, AUTH_URL, AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET, AUTH_ALLOWED_DOMAINS, SENDOSO_BASE_URL, SENDOSO_CLIENT_ID, SENDOSO_CLIENT_SECRET, DATABASE_URL/,
    );
  });

  it("allows the sandbox in production only when GIFT_DESK_DEMO=1", () => {
    const config = configFrom({ NODE_ENV: "production", GIFT_DESK_DEMO: "1", GIFT_DESK_DATA_DIR: dataDir });
    expect(config.auth.sandbox).toBe(true);
  });

  it("rejects malformed values with the variable's name", () => {
    expect(() => configFrom({ DATABASE_URL: "not a url", GIFT_DESK_DATA_DIR: dataDir })).toThrow(
      /DATABASE_URL/,
    );
    expect(() => configFrom({ SENDOSO_TIMEOUT_MS: "fast", GIFT_DESK_DATA_DIR: dataDir })).toThrow(
      /SENDOSO_TIMEOUT_MS/,
    );
  });

  it("reads a real configuration", () => {
    const config = configFrom({
      GIFT_DESK_DATA_DIR: dataDir,
      AUTH_OIDC_ISSUER: "https://acme.okta.com/oauth2/default",
      AUTH_OIDC_CLIENT_ID: "abc",
      AUTH_OIDC_CLIENT_SECRET: "shh",
      AUTH_ALLOWED_DOMAINS: "Acme.com, acme.co.uk",
      SENDOSO_CLIENT_ID: "sid",
      DATABASE_URL: "postgres://u:p@db.internal:5432/giftdesk",
    });
    expect(config.auth.sandbox).toBe(false);
    expect(config.auth.allowedDomains).toEqual(["acme.com", "acme.co.uk"]);
    expect(config.sendoso.baseUrl).toBe("https://app.sendoso.com");
    expect(config.database.kind).toBe("postgres");
  });

  it("reads the SSO mapping settings: explicit team map, roles claim, groups source, role source", () => {
    const config = configFrom({
      GIFT_DESK_DATA_DIR: dataDir,
      AUTH_TEAM_GROUPS: "6F1C-ID:emea, /sales/Team-X:x",
      AUTH_GROUPS_SOURCE: "id_token",
      AUTH_TRUST_UNVERIFIED_EMAIL: "1",
      AUTH_ROLE_SOURCE: "app",
      AUTH_BOOTSTRAP_ADMINS: "Boss@Corp.com",
    });
    expect(config.auth).toMatchObject({
      teamGroups: { "6f1c-id": "emea", "/sales/team-x": "x" },
      rolesClaim: "roles",
      groupsSource: "id_token",
      trustUnverifiedEmail: true,
      roleSource: "app",
      bootstrapAdmins: ["boss@corp.com"],
    });
    const defaults = configFrom({ GIFT_DESK_DATA_DIR: dataDir }).auth;
    expect(defaults).toMatchObject({
      teamGroups: {},
      groupsSource: "union",
      trustUnverifiedEmail: false,
      roleSource: "idp",
    });
    expect(() => configFrom({ GIFT_DESK_DATA_DIR: dataDir, AUTH_TEAM_GROUPS: "no-team-here" })).toThrow(
      /AUTH_TEAM_GROUPS/,
    );
    expect(() => configFrom({ GIFT_DESK_DATA_DIR: dataDir, AUTH_ROLE_SOURCE: "ldap" })).toThrow(
      /AUTH_ROLE_SOURCE/,
    );
  });
});
