import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Db } from "./client";
import { selectRows } from "./rows";

/**
 * The committed migrations, relative to the working directory: the repo root under `next start`, and the
 * standalone folder in the image (next.config.js traces the folder into it; server.js chdirs there).
 */
export const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

/** Several instances may start together: one migrates, the others wait for it (scripts/db-migrate.mjs too). */
export const MIGRATION_LOCK_ID = 723574201;

/** The command that brings a database to head, named in every refusal so an operator knows what to run. */
export const MIGRATE_COMMAND = "npm run db:migrate";

export type MigrationStatus = { applied: number; pending: number; atHead: boolean };

let committed: number[] | undefined;

/** The `when` of each committed migration, read once per process (readiness asks every few seconds). */
function committedMigrations(): number[] {
  committed ??= readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis);
  return committed;
}

/**
 * Where the database stands against the committed migrations, read the way drizzle's migrator decides
 * what to apply: everything newer than the newest `created_at` in drizzle.__drizzle_migrations is pending.
 * A database ahead of this code (a newer release migrated it) counts as at head: old instances keep
 * running during a rolling deploy.
 */
export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  const all = committedMigrations();
  const [table] = await selectRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!table?.present) return { applied: 0, pending: all.length, atHead: all.length === 0 };
  const [last] = await selectRows<{ created_at: string | null; applied: string }>(
    db,
    sql`select max(created_at)::text as created_at, count(*)::text as applied from drizzle.__drizzle_migrations`,
  );
  const lastMillis = Number(last?.created_at ?? 0);
  const pending = all.filter((when) => when > lastMillis).length;
  return { applied: Number(last?.applied ?? 0), pending, atHead: pending === 0 };
}

/** Throws a message naming the command to run when the database is behind this code's migrations. */
export async function assertMigrationsAtHead(db: Db): Promise<void> {
  const status = await migrationStatus(db);
  if (!status.atHead) {
    throw new Error(
      `The database is behind this release: ${status.pending} migration(s) not applied. ` +
        `Run \`${MIGRATE_COMMAND}\` (as the owner role, MIGRATION_DATABASE_URL) before starting the app, ` +
        "or set GIFT_DESK_MIGRATE_ON_START=1 to let the app migrate at start.",
    );
  }
}
