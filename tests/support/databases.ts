import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "@/lib/db/client";

/**
 * The databases every integration test runs on: embedded PGlite always, and a real PostgreSQL server
 * when TEST_DATABASE_URL is set (CI sets it). Each open gets a brand-new, empty database.
 */
export type Backend = { name: "pglite" | "postgres"; open(): Promise<DatabaseHandle> };

function assertLocal(url: URL) {
  if (!["127.0.0.1", "localhost", "::1"].includes(url.hostname)) {
    throw new Error(`Refusing to create test databases on a non-local server (${url.hostname})`);
  }
}

async function openFreshPostgres(adminUrl: string): Promise<DatabaseHandle> {
  const url = new URL(adminUrl);
  assertLocal(url);
  const name = `giftdesk_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "postgres", url: url.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export const backends: Backend[] = [
  { name: "pglite", open: () => openDatabase({ kind: "pglite" }) },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: "postgres" as const, open: () => openFreshPostgres(process.env.TEST_DATABASE_URL as string) }]
    : []),
];
