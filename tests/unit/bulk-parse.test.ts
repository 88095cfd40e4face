import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { autoMap, cellsOf } from "@/lib/bulk/fields";
import { MAX_BULK_ROWS } from "@/lib/bulk/limits";
import { parseBulkFile } from "@/lib/bulk/parse-file";
import type { ParseOutcome } from "@/lib/bulk/parse-types";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(__dirname, "../fixtures/bulk", name)));
const parseFixture = (name: string) => parseBulkFile(fixture(name), name);

function sheetOf(outcome: ParseOutcome) {
  if (!outcome.ok) throw new Error(`expected a sheet, got: ${outcome.message}`);
  return outcome.sheet;
}
function refusal(outcome: ParseOutcome) {
  if (outcome.ok) throw new Error("expected a refusal");
  return outcome.message;
}

describe("parseBulkFile: files that read", () => {
  it("reads the template with 20 rows and maps its columns", async () => {
    const sheet = sheetOf(await parseFixture("template-20.csv"));
    expect(sheet.rows).toHaveLength(20);
    const mapping = autoMap(sheet.headers);
    expect(mapping).toEqual({ first_name: 0, last_name: 1, email: 2, company: 3, custom_message: 4 });
    expect(cellsOf(sheet.rows[0] as string[], mapping)).toEqual({
      first_name: "Ada",
      last_name: "Lovelace",
      email: "ada.lovelace@example.com",
      company: "Acme Corp",
    });
  });

  it("drops a UTF-8 byte-order mark so the first header still maps", async () => {
    const sheet = sheetOf(await parseFixture("bom.csv"));
    expect(sheet.headers).toEqual(["name", "email"]);
    expect(sheet.rows[0]).toEqual(["Zoë Kravitz", "zoe@example.com"]);
  });

  it("detects semicolon separators and keeps commas inside cells", async () => {
    const sheet = sheetOf(await parseFixture("semicolon.csv"));
    expect(autoMap(sheet.headers)).toEqual({ name: 0, email: 1, company: 2 });
    expect(sheet.rows[0]).toEqual(["Jean Dupont", "jean@example.fr", "Société Générale, SA"]);
  });

  it("detects tab separators", async () => {
    expect(sheetOf(await parseFixture("tabs.tsv.csv")).rows[0]).toEqual(["Ada", "ada@example.com"]);
  });

  it("keeps newlines inside quoted cells in one row", async () => {
    const sheet = sheetOf(await parseFixture("quoted-newlines.csv"));
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.rows[0]?.[2]).toBe("Thank you,\nAda, for\nthe talk");
  });

  it("keeps formula cells as plain text, never evaluated", async () => {
    const sheet = sheetOf(await parseFixture("formulas.csv"));
    expect(sheet.rows.map((r) => r[0])).toEqual(['=HYPERLINK("http://evil")', "+Plus Name", "@SUM(A1)"]);
    expect(sheet.rows[0]?.[2]).toBe("=1+2");
  });

  it("reads UTF-16 with its byte-order mark", async () => {
    expect(sheetOf(await parseFixture("utf16.csv")).rows[0]).toEqual(["Zoë", "zoe@example.com"]);
  });

  it("reads an .xlsx workbook, formulas as their text", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Recipients");
    ws.addRow(["First Name", "Last Name", "Email Address", "Company"]);
    ws.addRow(["Ada", "Lovelace", "ada@example.com", { formula: "1+2", result: 3 }]);
    ws.addRow([
      "Alan",
      "Turing",
      { text: "alan@example.com", hyperlink: "mailto:alan@example.com" },
      "Bletchley",
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    // The bytes decide: the same workbook renamed .csv still reads.
    for (const name of ["people.xlsx", "people.csv"]) {
      const sheet = sheetOf(await parseBulkFile(bytes, name));
      expect(autoMap(sheet.headers)).toEqual({ first_name: 0, last_name: 1, email: 2, company: 3 });
      expect(sheet.rows).toEqual([
        ["Ada", "Lovelace", "ada@example.com", "=1+2"],
        ["Alan", "Turing", "alan@example.com", "Bletchley"],
      ]);
    }
  });
});

describe("parseBulkFile: files refused with a clear message", () => {
  it.each([
    ["empty.csv", /empty/],
    ["blank-lines.csv", /empty/],
    ["headers-only.csv", /header row but no recipients/],
    ["windows-1252.csv", /not UTF-8.*CSV UTF-8/],
    ["binary-renamed.csv", /not a CSV: it contains binary data/],
    ["unclosed-quote.csv", /Row 1 opens a quote that is never closed/],
  ])("%s", async (name, message) => {
    expect(refusal(await parseFixture(name))).toMatch(message);
  });

  it("refuses 50,000 rows, naming the limit", async () => {
    const lines = ["name,email", ...Array.from({ length: 50_000 }, (_, i) => `P${i},p${i}@example.com`)];
    const bytes = new TextEncoder().encode(lines.join("\n"));
    expect(refusal(await parseBulkFile(bytes, "big.csv"))).toMatch(/more than 5,000 recipients/);
  });

  it("accepts exactly the row limit", async () => {
    const lines = [
      "name,email",
      ...Array.from({ length: MAX_BULK_ROWS }, (_, i) => `P${i},p${i}@example.com`),
    ];
    const sheet = sheetOf(await parseBulkFile(new TextEncoder().encode(lines.join("\n")), "max.csv"));
    expect(sheet.rows).toHaveLength(MAX_BULK_ROWS);
  });

  it("refuses a file over 5 MB before parsing it", async () => {
    const bytes = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41);
    expect(refusal(await parseBulkFile(bytes, "huge.csv"))).toMatch(/limit is 5 MB/);
  });

  it("refuses a broken .xlsx", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(refusal(await parseBulkFile(bytes, "broken.xlsx"))).toMatch(/could not be opened as an Excel/);
  });
});
