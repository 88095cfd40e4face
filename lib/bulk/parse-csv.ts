import Papa from "papaparse";
import { formatCount, MAX_BULK_ROWS } from "./limits";
import type { ParsedSheet, ParseOutcome } from "./parse-types";

const NUL = 0;
const looksBinary = (bytes: Uint8Array) => bytes.subarray(0, 8192).includes(NUL);
const hasUtf16Bom = (b: Uint8Array) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/**
 * Bytes → text: UTF-8 (a BOM is dropped) or UTF-16 with its BOM. Anything else is refused rather than
 * guessed: a wrongly decoded name would go to Sendoso as mojibake.
 */
function decode(bytes: Uint8Array): { text: string } | { error: string } {
  if (hasUtf16Bom(bytes)) {
    return { text: new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes) };
  }
  if (looksBinary(bytes)) {
    return { error: "This file is not a CSV: it contains binary data. Upload a .csv or .xlsx file." };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return {
      error:
        "This file is not UTF-8 text (perhaps saved as Windows-1252 or Mac Roman), so names with accents " +
        'would be garbled. In Excel use "Save as → CSV UTF-8", then upload it again.',
    };
  }
}

/** papaparse does the CSV work: delimiter sniffing (`,` `;` tab `|`), quoted newlines, RFC 4180 quotes. */
export function parseCsv(bytes: Uint8Array): ParseOutcome {
  const decoded = decode(bytes);
  if ("error" in decoded) return { ok: false, message: decoded.error };
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { ok: false, message: "The file is empty." };
  const result = Papa.parse<string[]>(text, {
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t", "|"],
    // One past the limit is enough to know the file is too long, without parsing all 50,000 rows.
    preview: MAX_BULK_ROWS + 2,
  });
  const broken = result.errors.find((e) => e.type === "Quotes");
  if (broken) {
    // papaparse counts the header as row 0, as our row numbers do.
    const row = broken.row ?? 0;
    return {
      ok: false,
      message: `Row ${formatCount(row)} opens a quote that is never closed, so the rest of the file cannot be read.`,
    };
  }
  return sheetFrom(result.data);
}

/** Header + data rows, with the limits every format shares. */
export function sheetFrom(table: string[][]): ParseOutcome {
  const [headerRow, ...rest] = table;
  const headers = (headerRow ?? []).map((h) => String(h).trim());
  if (headers.every((h) => h === "")) return { ok: false, message: "The file is empty." };
  const rows = rest.filter((r) => r.some((cell) => String(cell).trim() !== ""));
  if (rows.length === 0) {
    return { ok: false, message: "The file has a header row but no recipients under it." };
  }
  if (rows.length > MAX_BULK_ROWS) {
    return {
      ok: false,
      message: `The file has more than ${formatCount(MAX_BULK_ROWS)} recipients. Split it into batches of at most ${formatCount(MAX_BULK_ROWS)} rows.`,
    };
  }
  const sheet: ParsedSheet = { headers, rows: rows.map((r) => r.map((c) => String(c))) };
  return { ok: true, sheet };
}
