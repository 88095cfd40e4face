import "server-only";
import { getConfig } from "@/lib/env";
import { type DatabaseHandle, type Db, openDatabase } from "./client";

export type { Db } from "./client";

const globalForDb = globalThis as unknown as { giftDeskDb?: Promise<DatabaseHandle> };

/**
 * The app's one database handle, opened on first use (never at import, so `next build` never opens it)
 * and kept on globalThis so hot reloads in development reuse it. A failed open is forgotten, so the
 * next request tries again (e.g. after PostgreSQL comes back).
 */
export async function getDb(): Promise<Db> {
  if (!globalForDb.giftDeskDb) {
    const config = getConfig();
    const opening = openDatabase(config.database, { migrate: config.migrateOnStart });
    globalForDb.giftDeskDb = opening;
    opening.catch(() => {
      if (globalForDb.giftDeskDb === opening) globalForDb.giftDeskDb = undefined;
    });
  }
  return (await globalForDb.giftDeskDb).db;
}
