import { z } from "zod";
import { AUDIT_ACTIONS } from "./actions";

/**
 * The audit log filters as they live in the URL (`/admin/audit?action=…&actor=…`), shared by the page,
 * the filter form and the CSV export. No server imports, so the form can use it too.
 */
export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;
export const AUDIT_DEFAULT_PAGE_SIZE = 50;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(v)));

// A URL is typed by hand and shared: a bad value drops that one filter instead of failing the page.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const auditFiltersSchema = z.object({
  /** Part of the actor's email, any case. */
  actor: optional(z.string().trim().min(1).max(254)),
  action: optional(z.enum(AUDIT_ACTIONS)),
  targetType: optional(z.string().trim().min(1).max(64)),
  targetId: optional(z.string().trim().min(1).max(200)),
  from: optional(isoDay),
  to: optional(isoDay),
  /** The viewer's IANA time zone, so "from/to" are the viewer's days; UTC when absent. */
  tz: optional(z.string().max(64).refine(isTimeZone)),
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const auditPageSchema = auditFiltersSchema.extend({
  size: z.coerce
    .number()
    .refine((n) => (AUDIT_PAGE_SIZES as readonly number[]).includes(n))
    .catch(AUDIT_DEFAULT_PAGE_SIZE)
    .default(AUDIT_DEFAULT_PAGE_SIZE),
  after: optional(z.string().max(200)),
});
export type AuditPageParams = z.output<typeof auditPageSchema>;

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** First value of each key; empty strings mean "not set" (an unfilled form field). */
function flatten(raw: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "" && !(key in out)) out[key] = first;
  }
  return out;
}

export function parseAuditParams(raw: RawParams): AuditPageParams {
  return auditPageSchema.parse(flatten(raw));
}

/** Only the filters, without page size or cursor: what the export and the audit entry of it use. */
export function auditFiltersOnly({ size: _size, after: _after, ...filters }: AuditPageParams): AuditFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as AuditFilters;
}

/** The query string for these parameters (stable key order, unset keys and the default size left out). */
export function auditQueryString(params: Partial<AuditPageParams>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "size" && value === AUDIT_DEFAULT_PAGE_SIZE) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
