import { z } from "zod";
import {
  flattenParams,
  isoDay,
  optionalParam,
  pagingParams,
  queryStringFor,
  type RawParams,
  timeZoneParam,
} from "@/lib/validation/url-params";
import { AUDIT_ACTIONS } from "./actions";

/**
 * The audit log filters as they live in the URL (`/admin/audit?action=…&actor=…`), shared by the page,
 * the filter form and the CSV export. No server imports, so the form can use it too.
 */
export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;
export const AUDIT_DEFAULT_PAGE_SIZE = 50;

export const auditFiltersSchema = z.object({
  /** Part of the actor's email, any case. */
  actor: optionalParam(z.string().trim().min(1).max(254)),
  action: optionalParam(z.enum(AUDIT_ACTIONS)),
  targetType: optionalParam(z.string().trim().min(1).max(64)),
  targetId: optionalParam(z.string().trim().min(1).max(200)),
  from: optionalParam(isoDay),
  to: optionalParam(isoDay),
  tz: timeZoneParam,
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const auditPageSchema = auditFiltersSchema.extend({
  ...pagingParams(AUDIT_PAGE_SIZES, AUDIT_DEFAULT_PAGE_SIZE),
});
export type AuditPageParams = z.output<typeof auditPageSchema>;

export function parseAuditParams(raw: RawParams): AuditPageParams {
  return auditPageSchema.parse(flattenParams(raw));
}

/** Only the filters, without page size or cursor: what the export and the audit entry of it use. */
export function auditFiltersOnly({ size: _size, after: _after, ...filters }: AuditPageParams): AuditFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as AuditFilters;
}

/** The query string for these parameters (stable key order, unset keys and the default size left out). */
export function auditQueryString(params: Partial<AuditPageParams>): string {
  return queryStringFor(params, AUDIT_DEFAULT_PAGE_SIZE);
}
