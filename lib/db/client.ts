import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { log } from "@/lib/log";
import { lockDirectory } from "./directory-lock";
import { assertMigrationsAtHead, MIGRATION_LOCK_ID, migrationsFolder } from "./migrate";
import * as schema from "./schema";

/** Both drivers share this type, so every query is written once for PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget = { kind: "pglite"; dir?: string } | { kind: "postgres"; url: string };

export type DatabaseHandle = { db: Db; kind: DatabaseTarget["kind"]; close(): Promise<void> };

/** `migrate: false` (GIFT_DESK_MIGRATE_ON_START=0) only checks the schema is at head, else refuses. */
export type OpenOptions = { migrate?: boolean };

async function openPglite(dir: string | undefined): Promise<DatabaseHandle> {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  let release = () => {};
  if (dir) {
    // PGlite does not create parent folders.
    mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
    release = lockDirectory(dir);
  }
  try {
    const client = await PGlite.create(dir);
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
  const [{ Pool }, { drizzle }, { migrate }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection closed by the server (restart, failover, proxy timeout) is only logged; the pool
  // opens a new one on next use. Without this listener it would be an uncaught exception.
  pool.on("error", (error) => log.warn({ err: error }, "postgres: idle connection closed"));
  const db = drizzle(pool, { schema }) as unknown as Db;
  try {
    if (options.migrate === false) await assertMigrationsAtHead(db);
    else await migrateLocked(pool, migrate, drizzle);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  return { db, kind: "postgres", close: () => pool.end() };
}

async function migrateLocked(
  pool: import("pg").Pool,
  migrate: typeof import("drizzle-orm/node-postgres/migrator").migrate,
  drizzle: typeof import("drizzle-orm/node-postgres").drizzle,
): Promise<void> {
  const migrationClient = await pool.connect();
  try {
    // Several app instances may start together: one migrates, the others wait for it.
    await migrationClient.query(`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
    await migrate(drizzle(migrationClient, { schema }), { migrationsFolder });
  } finally {
    await migrationClient.query(`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`).catch(() => {});
    migrationClient.release();
  }
}

/** Opens a database and brings its schema up to date (or, with `migrate: false`, checks it is). */
export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<DatabaseHandle> {
  return target.kind === "pglite" ? openPglite(target.dir) : openPostgres(target.url, options);
}
