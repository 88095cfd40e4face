import type { Db } from "@/lib/db/client";
import { sends } from "@/lib/db/schema";
import type { SeededSend } from "./simulator";

const DAY_MS = 86_400_000;
/** The simulator takes at most 1 MB per control request. */
const SEED_CHUNK = 2_000;
const INSERT_CHUNK = 1_000;

/**
 * A busy org for the reconciler (tests/integration/reconcile-coverage.test.ts, bench/reconcile): an
 * upstream list of `upstream` sends spread evenly over `days` before `now`, of which `open` are ours,
 * stored as `sent` with their gid and a status that can still change, so every run must reach them.
 */
export async function seedBusyOrg(
  db: Db,
  sim: { seedSends: (sends: SeededSend[]) => Promise<{ send_gids: string[] }> },
  input: { senderId: string; upstream: number; open: number; days: number; now: Date; touchId?: number },
): Promise<{ ourIds: string[] }> {
  const touchId = input.touchId ?? 1001;
  const newest = input.now.getTime() - 20 * 60_000;
  const step = (input.days * DAY_MS) / input.upstream;
  const every = Math.max(1, Math.floor(input.upstream / input.open));
  const upstream = Array.from({ length: input.upstream }, (_, i) => ({
    touch_id: touchId,
    recipient_email: `busy.${i}@example.com`,
    created_at: new Date(newest - i * step).toISOString(),
    sent_via: "api",
  }));
  const gids: string[] = [];
  for (let i = 0; i < upstream.length; i += SEED_CHUNK) {
    gids.push(...(await sim.seedSends(upstream.slice(i, i + SEED_CHUNK))).send_gids);
  }
  const ours = upstream.flatMap((item, i) =>
    i % every === 0 && i / every < input.open ? [{ item, gid: gids[i] as string }] : [],
  );
  const ourIds: string[] = [];
  for (let i = 0; i < ours.length; i += INSERT_CHUNK) {
    const rows = ours.slice(i, i + INSERT_CHUNK).map(({ item, gid }) => {
      const at = new Date(item.created_at);
      return {
        senderId: input.senderId,
        team: "a",
        idempotencyKey: crypto.randomUUID(),
        fingerprint: "seed",
        sendType: "address_collection" as const,
        touchId,
        touchName: "Coffee for two",
        recipientEmail: item.recipient_email,
        requestBody: {},
        state: "sent" as const,
        sendosoSendGid: gid,
        createdAt: at,
        inFlightAt: at,
        settledAt: at,
      };
    });
    const inserted = await db.insert(sends).values(rows).returning({ id: sends.id });
    ourIds.push(...inserted.map((r) => r.id));
  }
  return { ourIds };
}
