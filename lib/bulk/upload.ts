import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { bulkUploadSchema } from "@/lib/validation/bulk";
import { createDraftBatch } from "./create-draft";
import { autoMap, BULK_FIELDS, type ColumnMapping } from "./fields";
import { MAX_BULK_FILE_BYTES } from "./limits";
import { parseBulkFile } from "./parse-file";

export type UploadAnswer =
  | { ok: true; preview: { headers: string[]; mapping: ColumnMapping; rows: number; sample: string[][] } }
  | { ok: true; batchId: string }
  | { ok: false; formError?: string; fieldErrors?: Partial<Record<string, string[]>> };

// partialRecord: zod 4 records over an enum require every key; a file maps only some fields.
const mappingSchema = z.partialRecord(z.enum(BULK_FIELDS), z.number().int().min(0)).optional();

/**
 * One upload request (multipart): without `mapping`, a preview (headers, detected mapping, sample) and
 * nothing stored; with the rep's confirmed `mapping`, the draft batch. Either way the whole file is
 * parsed and checked first, so a bad file stores nothing.
 */
export async function handleUpload(db: Db, user: User, form: FormData): Promise<UploadAnswer> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return {
      ok: false,
      fieldErrors: { file: [file instanceof File ? "The file is empty." : "Choose a CSV or Excel file"] },
    };
  }
  if (file.size > MAX_BULK_FILE_BYTES) {
    return {
      ok: false,
      fieldErrors: {
        file: [
          `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB. Split it into smaller batches.`,
        ],
      },
    };
  }
  const fields = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
  const settings = bulkUploadSchema.safeParse(fields);
  if (!settings.success) {
    return {
      ok: false,
      formError: "Check the highlighted fields.",
      fieldErrors: z.flattenError(settings.error).fieldErrors,
    };
  }
  const parsed = await parseBulkFile(new Uint8Array(await file.arrayBuffer()), file.name);
  if (!parsed.ok) return { ok: false, fieldErrors: { file: [parsed.message] } };

  const mappingText = form.get("mapping");
  if (typeof mappingText !== "string" || mappingText === "") {
    const { headers, rows } = parsed.sheet;
    return {
      ok: true,
      preview: { headers, mapping: autoMap(headers), rows: rows.length, sample: rows.slice(0, 3) },
    };
  }
  let mappingJson: unknown;
  try {
    mappingJson = JSON.parse(mappingText);
  } catch {
    mappingJson = null;
  }
  const mapping = mappingSchema.safeParse(mappingJson);
  const width = parsed.sheet.headers.length;
  if (!mapping.success || !mapping.data || Object.values(mapping.data).some((i) => i >= width)) {
    return { ok: false, formError: "The column mapping does not fit this file. Upload it again." };
  }
  if (mapping.data.email === undefined) {
    return { ok: false, fieldErrors: { "mapping.email": ["Choose the column with the recipients' emails"] } };
  }
  const batchId = await createDraftBatch(db, user, {
    fileName: file.name,
    sheet: parsed.sheet,
    mapping: mapping.data,
    settings: { ...settings.data, options: settings.data.options },
  });
  return { ok: true, batchId };
}
