/** The one result shape of every server action. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; formError?: string; fieldErrors?: Partial<Record<string, string[]>> };
