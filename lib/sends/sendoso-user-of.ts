import { eq, type SQL, sql } from "drizzle-orm";
import { sendosoConnections } from "@/lib/db/schema";

/**
 * `sends.sendoso_user_id` at record time: the Sendoso user of the connection the gift goes out on, read
 * in the insert itself so every caller (send, approval) stores it without passing it along. Null for the
 * sandbox token (no connection), which the reconciler resolves through the token's own `/me`.
 */
export function sendosoUserIdOf(connectionId: string | null | undefined): SQL | null {
  if (!connectionId) return null;
  return sql`(select ${sendosoConnections.sendosoUserId} from ${sendosoConnections} where ${eq(sendosoConnections.id, connectionId)})`;
}
