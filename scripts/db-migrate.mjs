// `npm run db:migrate`: applies lib/db/migrations to PostgreSQL as the owner role, as its own deploy step
// (then run the app with GIFT_DESK_MIGRATE_ON_START=0 as a role that owns nothing). Plain JavaScript with
// only pg and drizzle-orm, so the container image runs it as `node scripts/db-migrate.mjs` without dev
// tools. It reads the two variables it needs itself: lib/env.ts is TypeScript and wants the app's whole
// configuration, which a migration job does not have.
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

// Same lock as lib/db/migrate.ts, so this never runs beside an app instance migrating at start.
const MIGRATION_LOCK_ID = 723574201;
const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

function databaseUrl() {
  const value = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!value) {
    throw new Error(
      "Set MIGRATION_DATABASE_URL (the owner role) or DATABASE_URL. PGlite needs no step: the app migrates it at start.",
    );
  }
  const url = new URL(value);
  if (!["postgres:", "postgresql:"].includes(url.protocol)) throw new Error("Not a postgres:// URL");
  return { url: value, where: `${url.hostname}:${url.port || 5432}${url.pathname}` };
}

async function main() {
  const { url, where } = databaseUrl();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
    const before = await appliedCount(client);
    await migrate(drizzle(client), { migrationsFolder });
    const after = await appliedCount(client);
    console.log(`db:migrate: ${after - before} migration(s) applied to ${where}; ${after} in all`);
  } finally {
    await client.query(`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`).catch(() => {});
    await client.end();
  }
}

async function appliedCount(client) {
  const present = await client.query("select to_regclass('drizzle.__drizzle_migrations') is not null as p");
  if (!present.rows[0].p) return 0;
  const { rows } = await client.query("select count(*)::int as n from drizzle.__drizzle_migrations");
  return rows[0].n;
}

main().catch((error) => {
  console.error(`db:migrate failed: ${error.message}`);
  process.exit(1);
});
