import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { touchCards, touchImages, type User } from "@/lib/db/schema";
import type { Touch } from "@/lib/sendoso/schemas";
import { pricedTouchOptions } from "@/lib/sends/priced-touch-options";
import {
  CardPermissionError,
  listTouchCards,
  removeTouchImage,
  saveTouchCard,
  saveTouchImage,
} from "@/lib/touches/cards-store";
import { MAX_TOUCH_IMAGE_BYTES } from "@/lib/touches/image-check";
import { touchImageResponse } from "@/lib/touches/image-response";
import { touchCardSchema } from "@/lib/validation/touch-cards";
import { auditWatcher } from "../support/audit-entries";
import { backends } from "../support/databases";
import { makeUser } from "../support/users";

const COFFEE = { name: "Coffee for two", kind: "physical" } as const;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (size = 64) => {
  const data = new Uint8Array(size).map((_, i) => (i * 7) % 251);
  data.set(PNG_SIGNATURE);
  return data;
};
const jpeg = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const card = (v: Record<string, unknown>) => touchCardSchema.parse({ touchId: 1001, ...v });

describe.each(backends)("touch cards on $name", (backend) => {
  let database: DatabaseHandle;
  let admin: User;
  let manager: User;
  let rep: User;
  const audit = auditWatcher(() => database.db);

  beforeAll(async () => {
    database = await backend.open();
    admin = await makeUser(database.db, "cards-admin", "admin", null);
    manager = await makeUser(database.db, "cards-manager", "manager", "a");
    rep = await makeUser(database.db, "cards-rep", "rep", "a");
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.delete(touchCards);
  });

  it("only an admin may change a card or its picture; a refusal writes nothing", async () => {
    const db = database.db;
    await audit.mark();
    for (const who of [rep, manager]) {
      await expect(saveTouchCard(db, who, card({ tags: "thanks" }), COFFEE)).rejects.toThrow(
        CardPermissionError,
      );
      await expect(saveTouchImage(db, who, 1001, png(), COFFEE)).rejects.toThrow(CardPermissionError);
      await expect(removeTouchImage(db, who, 1001)).rejects.toThrow(CardPermissionError);
    }
    expect(await db.select().from(touchCards)).toEqual([]);
    expect(await audit.since()).toEqual([]);

    const saved = await saveTouchCard(
      db,
      admin,
      card({ tags: "Thanks, coffee", displayPrice: "24" }),
      COFFEE,
    );
    expect(saved).toMatchObject({ status: "saved", row: { tags: ["thanks", "coffee"], displayPrice: 24 } });
    const [entry] = await audit.since();
    expect(entry).toMatchObject({
      action: "touch_card.changed",
      actorId: admin.id,
      targetId: "1001",
      before: null,
      after: { tags: ["thanks", "coffee"], displayPrice: "24.00" },
    });
  });

  it("refuses a card for a touch Sendoso does not list, unless it already has one", async () => {
    const db = database.db;
    expect(await saveTouchCard(db, admin, card({}), null)).toEqual({
      status: "invalid",
      fieldErrors: { touchId: ["Sendoso does not list this touch"] },
    });
    await saveTouchCard(db, admin, card({ description: "Beans" }), COFFEE);
    expect(await saveTouchCard(db, admin, card({ description: "Still beans" }), null)).toMatchObject({
      status: "saved",
      row: { name: "Coffee for two", description: "Still beans" },
    });
  });

  it("refuses pictures that are too large or not PNG/JPEG/WebP by their bytes; stores none of them", async () => {
    const db = database.db;
    const tooBig = png(MAX_TOUCH_IMAGE_BYTES + 1);
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const gif = new TextEncoder().encode("GIF89a....");
    const answers = await Promise.all(
      [tooBig, svg, gif, new Uint8Array()].map((b) => saveTouchImage(db, admin, 1001, b, COFFEE)),
    );
    expect(answers.map((a) => (a.status === "invalid" ? a.fieldErrors.image?.[0] : a.status))).toEqual([
      "The picture is 1025 KB; the limit is 1 MB (1024 KB).",
      "This is not a PNG, JPEG or WebP picture (SVG is not accepted).",
      "This is not a PNG, JPEG or WebP picture (SVG is not accepted).",
      "The file is empty.",
    ]);
    expect(await db.select({ id: touchImages.touchId }).from(touchImages)).toEqual([]);
    // The table keeps the limit too, whatever code writes to it.
    await saveTouchCard(db, admin, card({}), COFFEE);
    await expect(
      db.insert(touchImages).values({ touchId: 1001, hash: "x", contentType: "image/png", bytes: tooBig }),
    ).rejects.toThrow();
    await expect(
      db
        .insert(touchImages)
        .values({ touchId: 1001, hash: "x", contentType: "image/svg+xml" as "image/png", bytes: svg }),
    ).rejects.toThrow();
  });

  it("serves the picture under its hash with its sniffed type, nosniff and year-long caching", async () => {
    const db = database.db;
    const first = png(2048);
    const saved = await saveTouchImage(db, admin, 1001, first, COFFEE);
    expect(saved).toMatchObject({ status: "saved", row: { imageHash: sha(first) } });
    const response = await touchImageResponse(db, { id: "1001", hash: sha(first) });
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "content-length": "2048",
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=31536000, immutable",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(first);

    // A new picture is a new URL; the old one no longer answers. The type follows the bytes.
    const second = jpeg();
    await saveTouchImage(db, admin, 1001, second, COFFEE);
    expect((await touchImageResponse(db, { id: "1001", hash: sha(first) })).status).toBe(404);
    const again = await touchImageResponse(db, { id: "1001", hash: sha(second) });
    expect(again.headers.get("content-type")).toBe("image/jpeg");
    for (const params of [
      { id: "1001", hash: "../../etc/passwd" },
      { id: "abc", hash: sha(second) },
      { id: "1002", hash: sha(second) },
    ]) {
      const refused = await touchImageResponse(db, params);
      expect([refused.status, refused.headers.get("cache-control")]).toEqual([404, "no-store"]);
    }
    expect(await removeTouchImage(db, admin, 1001)).toMatchObject({
      status: "deleted",
      row: { imageHash: null },
    });
    expect((await touchImageResponse(db, { id: "1001", hash: sha(second) })).status).toBe(404);
  });

  it("the picker's options carry the card, and keep a carded touch Sendoso stopped listing, disabled", async () => {
    const db = database.db;
    await saveTouchCard(db, admin, card({ tags: "thanks", shipTo: "us" }), COFFEE);
    await saveTouchImage(db, admin, 1001, png(), COFFEE);
    await saveTouchCard(db, admin, card({ touchId: 1098, displayPrice: "18" }), {
      name: "Holiday ornament",
      kind: "physical",
    });
    const listed: Touch = {
      id: 1001,
      name: "Coffee for two",
      status: "Active",
      delivery_type: "mail",
      ship_to_countries: ["US", "CA"],
      currency: "USD",
    };
    const options = await pricedTouchOptions(db, [listed], new Date(), { locale: "en-US", currency: "USD" });
    expect(options.map((o) => [o.id, o.unavailableReason, o.tags, o.shipTo])).toEqual([
      [1001, null, ["thanks"], ["US"]],
      [1098, "Sendoso does not offer this touch right now", [], []],
    ]);
    expect(options[0]?.imageUrl).toBe(`/api/touches/1001/image/${sha(png())}`);
    expect((await listTouchCards(db, [1098])).get(1098)?.displayPrice).toBe(18);
    const [row] = await db.select().from(touchImages).where(eq(touchImages.touchId, 1001));
    expect(row?.bytes).toBeInstanceOf(Uint8Array);
  });
});
