import "server-only";
import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { type TouchCard, touchCards, touchImages, type User } from "@/lib/db/schema";
import type { CardDetails } from "@/lib/sends/touch-options";
import type { SettingsResult } from "@/lib/spend/settings-types";
import type { TouchCardValues } from "@/lib/validation/touch-cards";
import { checkTouchImage } from "./image-check";

/** Who changes a card; checked here too, so no caller can skip the permission. */
export type CardActor = Pick<User, "id" | "email" | "role">;
/** The touch as Sendoso lists it now, or null when it is not listed (the stored name is kept). */
export type ListedTouch = { name: string; kind: "egift" | "physical" } | null;

export class CardPermissionError extends Error {
  constructor() {
    super("Only admins may change touch cards.");
  }
}

/** The card columns, never the picture's bytes. */
const CARD_COLUMNS = {
  touchId: touchCards.touchId,
  name: touchCards.name,
  kind: touchCards.kind,
  description: touchCards.description,
  tags: touchCards.tags,
  shipTo: touchCards.shipTo,
  displayPrice: touchCards.displayPrice,
  imageHash: touchCards.imageHash,
};

const toDetails = (row: Pick<TouchCard, keyof typeof CARD_COLUMNS>): CardDetails => ({
  ...row,
  displayPrice: row.displayPrice === null ? null : Number(row.displayPrice),
});

/** Every card, by touch id (the admin page and the send form's options). */
export async function listTouchCards(db: Db, touchIds?: number[]): Promise<Map<number, CardDetails>> {
  if (touchIds?.length === 0) return new Map();
  const query = db.select(CARD_COLUMNS).from(touchCards);
  const rows = await (touchIds ? query.where(inArray(touchCards.touchId, touchIds)) : query);
  return new Map(rows.map((r) => [r.touchId, toDetails(r)]));
}

const auditView = (row: Pick<TouchCard, keyof typeof CARD_COLUMNS>) => ({
  description: row.description,
  tags: row.tags,
  shipTo: row.shipTo,
  displayPrice: row.displayPrice,
  imageHash: row.imageHash,
});

type Tx = Db;
async function lockedCard(tx: Tx, touchId: number) {
  const [row] = await tx
    .select(CARD_COLUMNS)
    .from(touchCards)
    .where(eq(touchCards.touchId, touchId))
    .for("update");
  return row;
}

function assertAllowed(actor: CardActor) {
  if (!can(actor.role, "manage_touch_cards")) throw new CardPermissionError();
}

const notListed = (): SettingsResult<CardDetails> => ({
  status: "invalid",
  fieldErrors: { touchId: ["Sendoso does not list this touch"] },
});

/** Creates or changes a card's words and prices (never its picture), with its audit entry. */
export async function saveTouchCard(
  db: Db,
  actor: CardActor,
  values: TouchCardValues,
  listed: ListedTouch,
): Promise<SettingsResult<CardDetails>> {
  assertAllowed(actor);
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Tx;
    const before = await lockedCard(tx, values.touchId);
    if (!before && !listed) return notListed();
    const fields = {
      name: listed?.name ?? (before?.name as string),
      kind: listed?.kind ?? (before?.kind as "egift" | "physical"),
      description: values.description,
      tags: values.tags,
      shipTo: values.shipTo,
      displayPrice: values.displayPrice === null ? null : values.displayPrice.toFixed(2),
      updatedBy: actor.id,
      updatedAt: new Date(),
    };
    const [after] = await tx
      .insert(touchCards)
      .values({ touchId: values.touchId, ...fields })
      .onConflictDoUpdate({ target: touchCards.touchId, set: fields })
      .returning(CARD_COLUMNS);
    if (!after) throw new Error("touch card write returned no row");
    await recordAudit(tx, {
      actor,
      action: "touch_card.changed",
      target: { type: "touch", id: String(values.touchId) },
      before: before ? auditView(before) : null,
      after: auditView(after),
    });
    return { status: "saved", row: toDetails(after) };
  });
}

/**
 * Stores a card's picture after checking its size and magic bytes (the browser's word is not taken).
 * A touch with no card yet gets an empty one. The URL carries the content hash, so a new picture is
 * a new URL and the old one may stay cached for good.
 */
export async function saveTouchImage(
  db: Db,
  actor: CardActor,
  touchId: number,
  bytes: Uint8Array,
  listed: ListedTouch,
): Promise<SettingsResult<CardDetails>> {
  assertAllowed(actor);
  const verdict = checkTouchImage(bytes);
  if (!verdict.ok) return { status: "invalid", fieldErrors: { image: [verdict.message] } };
  const hash = createHash("sha256").update(bytes).digest("hex");
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Tx;
    const before = await lockedCard(tx, touchId);
    if (!before && !listed) return notListed();
    if (!before && listed) {
      await tx
        .insert(touchCards)
        .values({ touchId, name: listed.name, kind: listed.kind, updatedBy: actor.id });
    }
    const image = { hash, contentType: verdict.type, bytes, updatedAt: new Date() };
    await tx
      .insert(touchImages)
      .values({ touchId, ...image })
      .onConflictDoUpdate({ target: touchImages.touchId, set: image });
    const [after] = await tx
      .update(touchCards)
      .set({ imageHash: hash, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(touchCards.touchId, touchId))
      .returning(CARD_COLUMNS);
    if (!after) throw new Error("touch card image write returned no row");
    await recordAudit(tx, {
      actor,
      action: "touch_card.image_changed",
      target: { type: "touch", id: String(touchId) },
      before: { imageHash: before?.imageHash ?? null },
      after: { imageHash: hash, contentType: verdict.type, bytes: bytes.length },
    });
    return { status: "saved", row: toDetails(after) };
  });
}

/** Takes a card's picture away; the card itself stays. */
export async function removeTouchImage(
  db: Db,
  actor: CardActor,
  touchId: number,
): Promise<SettingsResult<CardDetails>> {
  assertAllowed(actor);
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Tx;
    const before = await lockedCard(tx, touchId);
    if (!before?.imageHash) return { status: "not_found" };
    await tx.delete(touchImages).where(eq(touchImages.touchId, touchId));
    const [after] = await tx
      .update(touchCards)
      .set({ imageHash: null, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(touchCards.touchId, touchId))
      .returning(CARD_COLUMNS);
    if (!after) throw new Error("touch card image removal returned no row");
    await recordAudit(tx, {
      actor,
      action: "touch_card.image_changed",
      target: { type: "touch", id: String(touchId) },
      before: { imageHash: before.imageHash },
      after: { imageHash: null },
    });
    return { status: "deleted", row: toDetails(after) };
  });
}

/** The current picture of a touch if `hash` is its hash (an old URL finds nothing). */
export async function readTouchImage(
  db: Db,
  touchId: number,
  hash: string,
): Promise<{ contentType: string; bytes: Uint8Array } | null> {
  const [row] = await db
    .select({ hash: touchImages.hash, contentType: touchImages.contentType, bytes: touchImages.bytes })
    .from(touchImages)
    .where(eq(touchImages.touchId, touchId));
  return row && row.hash === hash ? { contentType: row.contentType, bytes: row.bytes } : null;
}
