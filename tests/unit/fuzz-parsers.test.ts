import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { auditFiltersOnly, parseAuditParams } from "@/lib/audit/filters";
import { parseSendosoWebhookPayload } from "@/lib/sendoso/webhook-payload";
import { decodeCursor } from "@/lib/sends/cursor";
import { dashboardParamsSchema } from "@/lib/sends/dashboard-period";
import { parseHistoryParams } from "@/lib/sends/filters";
import { markNotSentSchema } from "@/lib/validation/history-resolve";
import {
  emailPreferencesSchema,
  markAllNotificationsReadSchema,
  markNotificationsReadSchema,
} from "@/lib/validation/notifications";
import { sendGiftSchema } from "@/lib/validation/send";
import { checkSendSchema } from "@/lib/validation/send-check";
import {
  approvalPolicySchema,
  budgetIdSchema,
  budgetSchema,
  orgLimitsSchema,
  pendingSendSchema,
  policyTeamSchema,
  rejectSendSchema,
  touchEstimateSchema,
  touchIdSchema,
} from "@/lib/validation/spend";
import { touchCardSchema, touchImageSchema } from "@/lib/validation/touch-cards";
import { isoDay } from "@/lib/validation/url-params";
import { fuzzInput, fuzzValue } from "../support/fuzz-inputs";

/**
 * Issue 16 item 8, the parser half: every server action's input schema (defineAction safeParses it
 * before anything else) and every route handler's parser (URL filters, cursors, the webhook body) meet
 * random input. They may only accept or answer field errors, never throw (a throw is a 500). The
 * actions themselves, as each role and as nobody: tests/integration/fuzz-actions.test.ts.
 */
const ACTION_SCHEMAS: Record<string, z.ZodType> = {
  sendGift: sendGiftSchema,
  saveBudget: budgetSchema,
  deleteBudget: budgetIdSchema,
  saveApprovalPolicy: approvalPolicySchema,
  deleteApprovalPolicy: policyTeamSchema,
  saveTouchEstimate: touchEstimateSchema,
  deleteTouchEstimate: touchIdSchema,
  saveOrgLimits: orgLimitsSchema,
  approveSend: pendingSendSchema,
  cancelPendingSend: pendingSendSchema,
  rejectSend: rejectSendSchema,
  checkSendoso: checkSendSchema,
  markNotSent: markNotSentSchema,
  markNotificationsRead: markNotificationsReadSchema,
  markAllNotificationsRead: markAllNotificationsReadSchema,
  saveEmailPreferences: emailPreferencesSchema,
  saveTouchCard: touchCardSchema,
  uploadTouchImage: touchImageSchema,
  removeTouchImage: touchIdSchema,
};

const value = fuzzValue();
const input = fuzzInput();

describe("fuzzing every action's input parser", () => {
  it.each(Object.entries(ACTION_SCHEMAS))(
    "%s: 500 random inputs, field errors or success, never a throw",
    (_name, schema) => {
      fc.assert(
        fc.property(input, (raw) => {
          const parsed = schema.safeParse(raw);
          if (!parsed.success) {
            for (const issue of parsed.error.issues) expect(typeof issue.message).toBe("string");
          }
        }),
        { numRuns: 500 },
      );
    },
  );
});

const paramKeys = [
  "from",
  "to",
  "tz",
  "q",
  "team",
  "rep",
  "status",
  "bucket",
  "size",
  "after",
  "actor",
  "action",
  "days",
  "target",
];
const params = fc.dictionary(
  fc.constantFrom(...paramKeys),
  fc.oneof(fc.string(), value.map(String), fc.array(fc.string(), { maxLength: 3 })),
  { maxKeys: 8 },
);

describe("fuzzing every route handler's parser", () => {
  it("history, export, audit and dashboard URL filters: 1,000 random queries, only valid days survive", () => {
    fc.assert(
      fc.property(params, (raw) => {
        const history = parseHistoryParams(raw as Record<string, string>);
        const audit = auditFiltersOnly(parseAuditParams(raw as Record<string, string>));
        const dashboard = dashboardParamsSchema.safeParse(raw);
        for (const day of [history.from, history.to, audit.from, audit.to]) {
          if (day !== undefined) expect(isoDay.safeParse(day).success).toBe(true);
        }
        expect(dashboard.success || dashboard.error.issues.length > 0).toBe(true);
        decodeCursor(typeof raw.after === "string" ? raw.after : undefined);
      }),
      { numRuns: 1_000 },
    );
  });

  it("the webhook body: 1,000 random bodies, parsed or null", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.anything().map((v) => JSON.stringify(v) ?? ""),
        ),
        (body) => {
          const parsed = parseSendosoWebhookPayload(body);
          expect(parsed === null || typeof parsed === "object").toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
