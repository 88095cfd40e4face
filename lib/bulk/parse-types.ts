/** A file read into text cells: its header row and data rows, before mapping. */
export type ParsedSheet = { headers: string[]; rows: string[][] };

export type ParseOutcome = { ok: true; sheet: ParsedSheet } | { ok: false; message: string };
