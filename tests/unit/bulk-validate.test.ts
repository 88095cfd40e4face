import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { autoMap, cellsOf } from "@/lib/bulk/fields";
import { parseBulkFile } from "@/lib/bulk/parse-file";
import { rowIdempotencyKey } from "@/lib/bulk/row-key";
import { rowInput } from "@/lib/bulk/row-values";
import { reviewRows, summarise } from "@/lib/bulk/validate-rows";
import type { BulkSettings } from "@/lib/db/schema";
import { sendGiftSchema } from "@/lib/validation/send";

const settings: BulkSettings = {
  touchId: 1001,
  sendType: "address_collection",
  messageTemplate: "Hi {first_name}, thanks from all of us to {company}!",
  options: { expireAfterDays: 5 },
  confirmRepeatRecipients: false,
};
const rowsOf = (cells: Record<string, string>[]) => cells.map((c, i) => ({ rowNumber: i + 1, cells: c }));

describe("bulk row validation", () => {
  it("finds the 3 invalid rows of the 20-row template, each reason next to its cell", async () => {
    const outcome = await parseBulkFile(
      new Uint8Array(readFileSync(path.join(__dirname, "../fixtures/bulk/template-20.csv"))),
      "template-20.csv",
    );
    if (!outcome.ok) throw new Error(outcome.message);
    const mapping = autoMap(outcome.sheet.headers);
    const rows = outcome.sheet.rows.map((r, i) => ({ rowNumber: i + 1, cells: cellsOf(r, mapping) }));
    const reviews = reviewRows(rows, settings, new Map(), 30);
    expect(summarise(reviews)).toMatchObject({ total: 20, valid: 17, invalid: 3 });
    const invalid = reviews.filter((r) => !r.values);
    expect(invalid.map((r) => [r.rowNumber, r.errors])).toEqual([
      [4, { email: "Enter a valid email address, like jane@example.com" }],
      [9, { first_name: "Enter the recipient's name" }],
      [15, { email: "Enter the recipient's email" }],
    ]);
  });

  it("is the single-send schema's verdict, field for field", () => {
    const cases: Record<string, string>[] = [
      { name: "A", email: "a@example.com", custom_message: "x".repeat(501) },
      { name: "B", email: "b@example.com", country: "United Kingdom" },
      {
        name: "C",
        email: "c@example.com",
        address: "1 Main St",
        city: "X",
        state: "Y",
        zip: "1",
        country: "GB",
      },
    ];
    for (const sendType of ["address_collection", "known_address", "egift"] as const) {
      const s = { ...settings, sendType };
      const reviews = reviewRows(rowsOf(cases), s, new Map(), 30);
      cases.forEach((cells, i) => {
        const single = sendGiftSchema.safeParse(rowInput(cells, s, rowIdempotencyKey("b", i + 1)));
        expect(reviews[i]?.values !== null).toBe(single.success);
      });
    }
    // Known address outside the US needs a mobile number, exactly as the single-send form says.
    const known = reviewRows(
      rowsOf([cases[2] ?? {}]),
      { ...settings, sendType: "known_address" },
      new Map(),
      30,
    );
    expect(known[0]?.errors).toEqual({
      mobile_no: "Sendoso needs a mobile number for addresses outside the US",
    });
  });

  it("uses the row's own message over the template, and fills the template in", () => {
    const [own, templated] = reviewRows(
      rowsOf([
        { name: "Ada Lovelace", email: "ada@example.com", custom_message: "Mine" },
        { first_name: "Alan", last_name: "Turing", email: "alan@example.com", company: "Bletchley" },
      ]),
      settings,
      new Map(),
      30,
    );
    expect(own?.values?.customMessage).toBe("Mine");
    expect(templated?.values?.recipientName).toBe("Alan Turing");
    expect(templated?.values?.customMessage).toBe(settings.messageTemplate);
  });

  it("warns on duplicates in the file, + addresses and recent gifts; an unknown send blocks", () => {
    const reviews = reviewRows(
      rowsOf([
        { name: "A", email: "dup@example.com" },
        { name: "B", email: "DUP@example.com" },
        { name: "C", email: "c+tag@example.com" },
        { name: "D", email: "recent@example.com" },
        { name: "E", email: "unknown@example.com" },
      ]),
      settings,
      new Map([
        ["recent@example.com", { recentSends: 2, unknownSend: false }],
        ["unknown@example.com", { recentSends: 1, unknownSend: true }],
      ]),
      30,
    );
    expect(reviews.map((r) => r.warnings)).toEqual([
      ["Same recipient as row 2"],
      ["Same recipient as row 1"],
      ["A + address: Sendoso may hold it as suspicious"],
      ["Gifted 2 times in the last 30 days"],
      ["Gifted once in the last 30 days"],
    ]);
    expect(reviews.map((r) => r.blocked)).toEqual([false, false, false, false, true]);
    expect(summarise(reviews)).toMatchObject({ valid: 4, invalid: 1, blocked: 1, warned: 5 });
  });

  it("derives one stable, well-formed idempotency key per batch row", () => {
    const key = rowIdempotencyKey("3f1c0000-0000-4000-8000-000000000001", 7);
    expect(key).toBe(rowIdempotencyKey("3f1c0000-0000-4000-8000-000000000001", 7));
    expect(key).not.toBe(rowIdempotencyKey("3f1c0000-0000-4000-8000-000000000001", 8));
    expect(() =>
      sendGiftSchema.parse(rowInput({ name: "A", email: "a@example.com" }, settings, key)),
    ).not.toThrow();
  });
});
