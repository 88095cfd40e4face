import { describe, expect, it } from "vitest";
import type { Touch } from "@/lib/sendoso/schemas";
import { toTouchOption, unlistedTouchOption } from "@/lib/sends/touch-options";
import { filterTouches, NO_FILTERS, priceBandOf, tagsIn, timingFor } from "@/lib/touches/card-view";
import { checkTouchImage, MAX_TOUCH_IMAGE_BYTES, sniffImageType } from "@/lib/touches/image-check";
import { touchCardSchema, touchImageSchema } from "@/lib/validation/touch-cards";

const bytes = (...values: number[]) => new Uint8Array(values);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const WEBP = new Uint8Array([
  ...new TextEncoder().encode("RIFF"),
  1,
  0,
  0,
  0,
  ...new TextEncoder().encode("WEBPVP8 "),
]);
const text = (s: string) => new TextEncoder().encode(s);

describe("touch picture magic bytes", () => {
  it("knows PNG, JPEG and WebP by their first bytes", () => {
    expect(sniffImageType(PNG)).toBe("image/png");
    expect(sniffImageType(JPEG)).toBe("image/jpeg");
    expect(sniffImageType(WEBP)).toBe("image/webp");
  });

  it.each([
    ["SVG", text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["SVG with an XML prolog", text('<?xml version="1.0"?><svg/>')],
    ["GIF", text("GIF89a\x01\x00")],
    ["HTML", text("<!doctype html><script>alert(1)</script>")],
    ["a RIFF that is not WebP (WAV)", new Uint8Array([...text("RIFF"), 1, 0, 0, 0, ...text("WAVEfmt ")])],
    ["a truncated PNG signature", PNG.slice(0, 7)],
    ["a PNG signature one byte off", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b)],
  ])("refuses %s", (_label, data) => {
    expect(sniffImageType(data)).toBeNull();
    expect(checkTouchImage(data)).toEqual({ ok: false, message: expect.stringContaining("not a PNG") });
  });

  it("refuses an empty file and one over 1 MB, even with a PNG signature", () => {
    expect(checkTouchImage(new Uint8Array())).toEqual({ ok: false, message: "The file is empty." });
    const big = new Uint8Array(MAX_TOUCH_IMAGE_BYTES + 1);
    big.set(PNG);
    expect(checkTouchImage(big)).toEqual({
      ok: false,
      message: expect.stringContaining("the limit is 1 MB"),
    });
    const atLimit = big.slice(0, MAX_TOUCH_IMAGE_BYTES);
    expect(checkTouchImage(atLimit)).toEqual({ ok: true, type: "image/png" });
  });
});

describe("touch card schemas", () => {
  it("cleans tags and countries from one comma-separated input", () => {
    const values = touchCardSchema.parse({
      touchId: "1001",
      description: "  Beans  ",
      tags: "Thank You, coffee lovers, thank you,",
      shipTo: "us, ca, US",
      displayPrice: "",
    });
    expect(values).toEqual({
      touchId: 1001,
      description: "Beans",
      tags: ["thank you", "coffee lovers"],
      shipTo: ["US", "CA"],
      displayPrice: null,
    });
  });

  it("says which field is wrong", () => {
    const result = touchCardSchema.safeParse({
      touchId: 1,
      description: "x".repeat(281),
      tags: "<script>",
      shipTo: "USA",
      displayPrice: "-1",
    });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["description", "tags", "shipTo", "displayPrice"]));
  });

  it("answers at once for a file too large or declared as SVG (the server checks the bytes)", () => {
    const svg = new File(["<svg/>"], "x.svg", { type: "image/svg+xml" });
    const big = new File([new Uint8Array(MAX_TOUCH_IMAGE_BYTES + 1)], "big.png", { type: "image/png" });
    expect(touchImageSchema.safeParse({ touchId: 1, image: svg }).error?.issues[0]?.message).toContain(
      "not SVG",
    );
    expect(touchImageSchema.safeParse({ touchId: 1, image: big }).error?.issues[0]?.message).toContain(
      "1 MB",
    );
    const form = new FormData();
    form.set("touchId", "7");
    form.set("image", new File([PNG], "a.png", { type: "image/png" }));
    expect(touchImageSchema.parse(form).touchId).toBe(7);
  });
});

const touch = (patch: Partial<Touch>): Touch => ({
  id: 1,
  name: "Coffee",
  description: null,
  start_date: "2024-01-01T00:00:00Z",
  end_date: null,
  status: "Active",
  delivery_type: "mail",
  starting_egift_price: null,
  ending_egift_price: null,
  ship_to_countries: ["US"],
  currency: "USD",
  ...patch,
});
const now = new Date("2026-11-26T00:00:00Z");
const usd = { locale: "en-US", currency: "USD" };

describe("touch card options and filters", () => {
  const coffee = toTouchOption(touch({ id: 1 }), now, 24, usd, {
    touchId: 1,
    name: "Coffee",
    kind: "physical",
    description: "Two bags",
    tags: ["thank you"],
    shipTo: ["US", "CA"],
    displayPrice: null,
    imageHash: "a".repeat(64),
  });
  const visa = toTouchOption(
    touch({
      id: 2,
      name: "Visa eGift",
      delivery_type: "email",
      starting_egift_price: 25,
      ending_egift_price: 200,
    }),
    now,
    null,
    usd,
  );
  const fleece = toTouchOption(touch({ id: 3, name: "Fleece" }), now, null, usd, {
    touchId: 3,
    name: "Fleece",
    kind: "physical",
    description: "",
    tags: ["new customer", "thank you"],
    shipTo: [],
    displayPrice: 129,
    imageHash: null,
  });
  const all = [coffee, visa, fleece];

  it("shows the admin's price, else the eGift range, else about the estimate; bands follow it", () => {
    expect(coffee).toMatchObject({
      priceLabel: "about $24",
      priceBand: "under_25",
      priceBandLabel: "Under $25",
      imageUrl: `/api/touches/1/image/${"a".repeat(64)}`,
      description: "Two bags",
      shipTo: ["US", "CA"],
    });
    expect(visa).toMatchObject({ priceLabel: "$25–$200", priceBand: "100_plus", imageUrl: null });
    expect(fleece).toMatchObject({ priceLabel: "$129", priceBand: "100_plus", shipTo: ["US"] });
    expect(priceBandOf(null)).toBe("unpriced");
    expect(priceBandOf(50)).toBe("50_100");
  });

  it("filters by type, price band, tag and text, together", () => {
    const ids = (filters: Partial<typeof NO_FILTERS>) =>
      filterTouches(all, { ...NO_FILTERS, ...filters }).map((t) => t.id);
    expect(ids({})).toEqual([1, 2, 3]);
    expect(ids({ kind: "egift" })).toEqual([2]);
    expect(ids({ kind: "physical", band: "100_plus" })).toEqual([3]);
    expect(ids({ tag: "thank you" })).toEqual([1, 3]);
    expect(ids({ tag: "new customer", kind: "egift" })).toEqual([]);
    expect(ids({ query: "  BAGS " })).toEqual([1]);
    expect(ids({ query: "new customer" })).toEqual([3]);
    expect(tagsIn(all)).toEqual(["new customer", "thank you"]);
  });

  it("says when each kind arrives", () => {
    expect(timingFor("egift")).toBe("Arrives by email now");
    expect(timingFor("physical")).toBe("Ships in 1–3 business days, plus shipping");
  });

  it("keeps a carded touch Sendoso no longer lists, never choosable", () => {
    const option = unlistedTouchOption(
      {
        touchId: 9,
        name: "Retired mug",
        kind: "physical",
        description: "",
        tags: [],
        shipTo: [],
        displayPrice: 12,
        imageHash: null,
      },
      usd,
    );
    expect(option).toMatchObject({
      unavailableReason: "Sendoso does not offer this touch right now",
      estimatedCost: null,
      priceLabel: "$12",
    });
  });
});
