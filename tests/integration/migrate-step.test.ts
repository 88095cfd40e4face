import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { migrationStatus } from "@/lib/db/migrate";
import { backends, postgresServers } from "../support/databases";
import { createSharedPostgres } from "../support/postgres-database";

const run = promisify(execFile);

describe.each(backends)("migration status on $name", (backend) => {
  it("is at head once the app has opened (and migrated) the database", async () => {
    const handle = await backend.open();
    try {
      const status = await migrationStatus(handle.db);
      expect(status.atHead).toBe(true);
      expect(status.pending).toBe(0);
      expect(status.applied).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  });
});

describe.each(postgresServers)("migrations as a step on $name", (server) => {
  let shared: Awaited<ReturnType<typeof createSharedPostgres>>;
  beforeAll(async () => {
    shared = await createSharedPostgres(server.adminUrl);
  });
  afterAll(() => shared?.drop());

  it("refuses to start against a database behind its migrations, naming the command", async () => {
    await expect(openDatabase({ kind: "postgres", url: shared.url }, { migrate: false })).rejects.toThrow(
      /behind this release: \d+ migration\(s\) not applied\. Run `npm run db:migrate`/,
    );
    // Checking must not have migrated anything behind the operator's back.
    const probe = await openDatabase({ kind: "postgres", url: shared.url }, { migrate: false }).catch(
      (error: Error) => error,
    );
    expect(probe).toBeInstanceOf(Error);
  });

  it("npm run db:migrate brings it to head with the owner URL; the app then starts without migrating", async () => {
    const env = {
      ...process.env,
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      MIGRATION_DATABASE_URL: shared.url,
    };
    const first = await run("node", ["scripts/db-migrate.mjs"], { env });
    expect(first.stdout).toMatch(/db:migrate: [1-9]\d* migration\(s\) applied/);
    const again = await run("node", ["scripts/db-migrate.mjs"], { env });
    expect(again.stdout).toMatch(/db:migrate: 0 migration\(s\) applied/);

    const handle = await openDatabase({ kind: "postgres", url: shared.url }, { migrate: false });
    try {
      expect((await migrationStatus(handle.db)).atHead).toBe(true);
      await handle.db.execute(sql`select count(*) from job_leases`);
      // One migration rolled back in the bookkeeping = one release behind: refused again.
      await handle.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      );
      expect(await migrationStatus(handle.db)).toMatchObject({ atHead: false, pending: 1 });
    } finally {
      await handle.close();
    }
  });

  it("db:migrate fails with a clear message when no database is configured", async () => {
    const env = { ...process.env, DATABASE_URL: "", MIGRATION_DATABASE_URL: "" };
    const failure = await run("node", ["scripts/db-migrate.mjs"], { env }).catch((error) => error);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/Set MIGRATION_DATABASE_URL/);
  });
});
