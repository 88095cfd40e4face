import type { SQL } from "drizzle-orm";
import type { Db } from "./client";

/** Rows of a raw SQL query: both drivers (PGlite, node-postgres) answer `execute` with `{ rows }`. */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
