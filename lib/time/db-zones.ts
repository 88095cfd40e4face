import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * Time zones the database knows (`pg_timezone_names`), lower-cased name → its own spelling. A zone Intl
 * accepts may still be unknown to PostgreSQL (legacy names such as `US/Pacific-New`; a server with older
 * tzdata), and `at time zone` would then fail the whole query: every `tz` we hand to SQL is checked here.
 * Read once per database handle; the list changes only with the server's tzdata.
 */
const cache = new WeakMap<Db, Promise<Map<string, string>>>();

function zonesOf(db: Db): Promise<Map<string, string>> {
  let zones = cache.get(db);
  if (!zones) {
    zones = db
      .execute(sql`select name from pg_timezone_names`)
      .then((result) => {
        const rows = (result as unknown as { rows: { name: string }[] }).rows;
        return new Map(rows.map((r) => [r.name.toLowerCase(), r.name]));
      })
      .catch((error) => {
        cache.delete(db);
        throw error;
      });
    cache.set(db, zones);
  }
  return zones;
}

/** The database's spelling of `zone`, or null when the database does not know it. */
export async function databaseTimeZone(db: Db, zone: string): Promise<string | null> {
  return (await zonesOf(db)).get(zone.toLowerCase()) ?? null;
}

export type ZoneCheck = { tz: string; fieldErrors?: { tz: string[] } };

/**
 * The zone a query should use: the requested one when the database knows it, else `fallback` (the org's
 * zone) with a field error to show, never a failed query. An absent request uses the fallback silently.
 */
export async function checkTimeZone(
  db: Db,
  requested: string | undefined,
  fallback: string,
): Promise<ZoneCheck> {
  if (requested === undefined) return { tz: fallback };
  const known = await databaseTimeZone(db, requested);
  if (known) return { tz: known };
  return {
    tz: fallback,
    fieldErrors: {
      tz: [`Time zone “${requested}” is not one the database knows; dates are read in ${fallback}.`],
    },
  };
}

/** `filters` with their `tz` checked against the database (see checkTimeZone). */
export async function withCheckedZone<T extends { tz?: string }>(
  db: Db,
  filters: T,
  fallback: string,
): Promise<{ filters: T & { tz: string }; fieldErrors?: { tz: string[] } }> {
  const { tz, fieldErrors } = await checkTimeZone(db, filters.tz, fallback);
  return { filters: { ...filters, tz }, fieldErrors };
}
