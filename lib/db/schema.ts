import type { auditLog } from "./tables/audit";
import type { messageTemplates } from "./tables/messages";
import type { notifications } from "./tables/notifications";
import type { recipientSpendCaps } from "./tables/recipient-caps";
import type { sendosoConnections } from "./tables/sendoso";
import type { sendEvents, sends } from "./tables/sends";
import type { approvalPolicies, budgets, orgSpendLimits } from "./tables/spend";
import type { touchCards } from "./tables/touches";
import type { users } from "./tables/users";

/**
 * The database schema, one file per area in ./tables (drizzle-kit reads this file to generate
 * migrations). Import tables and types from here.
 */
export * from "./tables/audit";
export * from "./tables/bulk";
export * from "./tables/jobs";
export * from "./tables/messages";
export * from "./tables/notifications";
export * from "./tables/oauth-attempts";
export * from "./tables/recipient-caps";
export * from "./tables/sendoso";
export * from "./tables/sends";
export * from "./tables/spend";
export * from "./tables/touches";
export * from "./tables/users";

export type User = typeof users.$inferSelect;
export type SendosoConnection = typeof sendosoConnections.$inferSelect;
export type Send = typeof sends.$inferSelect;
export type NewSend = typeof sends.$inferInsert;
export type SendEvent = typeof sendEvents.$inferSelect;
export type Budget = typeof budgets.$inferSelect;
export type ApprovalPolicy = typeof approvalPolicies.$inferSelect;
export type OrgSpendLimits = typeof orgSpendLimits.$inferSelect;
export type RecipientSpendCaps = typeof recipientSpendCaps.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type MessageTemplate = typeof messageTemplates.$inferSelect;
export type TouchCard = typeof touchCards.$inferSelect;
