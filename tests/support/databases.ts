import { type DatabaseHandle, openDatabase } from "@/lib/db/client";
import { createSharedPostgres } from "./postgres-database";

/**
 * The databases every integration test runs on: embedded PGlite always, and a real PostgreSQL server
 * when TEST_DATABASE_URL is set (CI sets it). Each open gets a brand-new, empty database.
 */
export type Backend = { name: "pglite" | "postgres"; open(): Promise<DatabaseHandle> };

/**
 * A brand-new database on the (local) server at adminUrl, dropped when the handle is closed. Its `url`
 * can be handed to a second process.
 */
export async function openFreshPostgres(adminUrl: string): Promise<DatabaseHandle & { url: string }> {
  const shared = await createSharedPostgres(adminUrl);
  const handle = await openDatabase({ kind: "postgres", url: shared.url });
  return {
    ...handle,
    url: shared.url,
    async close() {
      await handle.close();
      await shared.drop();
    },
  };
}

export const backends: Backend[] = [
  { name: "pglite", open: () => openDatabase({ kind: "pglite" }) },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: "postgres" as const, open: () => openFreshPostgres(process.env.TEST_DATABASE_URL as string) }]
    : []),
];

/**
 * The real PostgreSQL server, for tests PGlite cannot stand in for (two processes or pools on one
 * database, a server going away): one entry when TEST_DATABASE_URL is set, none otherwise.
 */
export const postgresServers = process.env.TEST_DATABASE_URL
  ? [{ name: "postgres", adminUrl: process.env.TEST_DATABASE_URL }]
  : [];
