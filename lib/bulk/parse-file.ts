import { formatCount, MAX_BULK_FILE_BYTES } from "./limits";
import { parseCsv } from "./parse-csv";
import type { ParseOutcome } from "./parse-types";
import { parseXlsx } from "./parse-xlsx";

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * An uploaded file → header and rows, or one clear sentence saying why not. The format is decided by the
 * bytes (an .xlsx is a zip), not the name, so a workbook renamed `.csv` is still read and a binary file
 * renamed `.csv` is refused.
 */
export async function parseBulkFile(bytes: Uint8Array, fileName: string): Promise<ParseOutcome> {
  if (bytes.byteLength === 0) return { ok: false, message: "The file is empty." };
  if (bytes.byteLength > MAX_BULK_FILE_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      message: `The file is ${mb} MB; the limit is ${formatCount(MAX_BULK_FILE_BYTES / 1024 / 1024)} MB. Split it into smaller batches.`,
    };
  }
  if (isZip(bytes)) return parseXlsx(bytes);
  if (/\.xlsx?$/i.test(fileName)) {
    return {
      ok: false,
      message: "This file is not a valid .xlsx workbook. Save it again from Excel as .xlsx or CSV UTF-8.",
    };
  }
  return parseCsv(bytes);
}
