import ExcelJS, { type Cell, ValueType } from "exceljs";
import { sheetFrom } from "./parse-csv";
import type { ParseOutcome } from "./parse-types";

/**
 * Text of one cell as a person sees it typed. A formula is kept as its text (`=…`), never its computed
 * result: it is data to check, not something to run, and exports neutralise it.
 */
function cellText(cell: Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  // `cell.formula` also spells out a shared formula for this cell.
  if (cell.type === ValueType.Formula) return cell.formula ? `=${cell.formula}` : "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
    return "";
  }
  return String(value);
}

/** The first worksheet of an .xlsx (exceljs), as header + rows of text. */
export async function parseXlsx(bytes: Uint8Array): Promise<ParseOutcome> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: "This file could not be opened as an Excel workbook (.xlsx)." };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) return { ok: false, message: "The file is empty." };
  const table: string[][] = [];
  const width = sheet.actualColumnCount;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      cells.push(cellText(row.getCell(c)));
    }
    table.push(cells);
  });
  return sheetFrom(table);
}
