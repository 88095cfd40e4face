/** Where a page of the audit log ends: the (at, id) of its last entry, newest first. */
export type AuditCursor = { at: Date; id: number };

/** Opaque, URL-safe page cursor; anything that does not decode cleanly means "first page". */
export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeAuditCursor(value: string | undefined): AuditCursor | undefined {
  if (!value) return undefined;
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (Number.isNaN(at.getTime()) || !id || !/^\d{1,18}$/.test(id)) return undefined;
  const number = Number(id);
  return Number.isSafeInteger(number) ? { at, id: number } : undefined;
}
