import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { lockDirectory } from "./directory-lock";
import * as schema from "./schema";

/** Both drivers share this type, so every query is written once for PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget = { kind: "pglite"; dir?: string } | { kind: "postgres"; url: string };

export type DatabaseHandle = { db: Db; kind: DatabaseTarget["kind"]; close(): Promise<void> };

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

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

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const [{ Pool }, { drizzle }, { migrate }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection closed by the server (restart, failover, proxy timeout) is only logged; the pool
  // opens a new one on next use. Without this listener it would be an uncaught exception.
  pool.on("error", (error) => console.warn("postgres: idle connection closed:", error.message));
  const migrationClient = await pool.connect();
  try {
    // Several app instances may start together: one migrates, the others wait for it.
    await migrationClient.query("select pg_advisory_lock(723574201)");
    await migrate(drizzle(migrationClient, { schema }), { migrationsFolder });
  } finally {
    await migrationClient.query("select pg_advisory_unlock(723574201)").catch(() => {});
    migrationClient.release();
  }
  return { db: drizzle(pool, { schema }) as unknown as Db, kind: "postgres", close: () => pool.end() };
}

/** Opens a database and brings its schema up to date. */
export function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === "pglite" ? openPglite(target.dir) : openPostgres(target.url);
}
