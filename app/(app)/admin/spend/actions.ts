"use server";

import { revalidatePath } from "next/cache";
import type { SettingsOutcome } from "@/components/spend/settings-outcome";
import { defineAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";
import {
  deleteApprovalPolicy,
  deleteBudget,
  deleteTouchEstimate,
  type SettingsResult,
  saveApprovalPolicy,
  saveBudget,
  saveTouchEstimate,
} from "@/lib/spend/settings";
import { saveRecipientCaps } from "@/lib/spend/settings-caps";
import { saveOrgLimits } from "@/lib/spend/settings-org";
import {
  approvalPolicySchema,
  budgetIdSchema,
  budgetSchema,
  orgLimitsSchema,
  policyTeamSchema,
  recipientCapsSchema,
  touchEstimateSchema,
  touchIdSchema,
} from "@/lib/validation/spend";

const FAILED = "Gift Desk could not save this. Nothing was changed; try again in a minute.";
const options = { permission: "manage_spend", sameOriginOnly: true, failureMessage: FAILED } as const;

/** What the form needs back: the status and field errors, never the stored row. */
function settled(result: SettingsResult<unknown>): SettingsOutcome {
  if (result.status === "saved" || result.status === "deleted") revalidatePath("/admin/spend");
  return result.status === "invalid"
    ? { status: "invalid", fieldErrors: result.fieldErrors }
    : { status: result.status };
}

const actor = (user: User) => ({ id: user.id, email: user.email });

export const saveBudgetAction = defineAction({ schema: budgetSchema, ...options }, async (user, values) =>
  settled(await saveBudget(await getDb(), actor(user), values, getConfig().currency)),
);

export const deleteBudgetAction = defineAction(
  { schema: budgetIdSchema, ...options },
  async (user, { budgetId }) => settled(await deleteBudget(await getDb(), actor(user), budgetId)),
);

export const saveApprovalPolicyAction = defineAction(
  { schema: approvalPolicySchema, ...options },
  async (user, values) => settled(await saveApprovalPolicy(await getDb(), actor(user), values)),
);

export const deleteApprovalPolicyAction = defineAction(
  { schema: policyTeamSchema, ...options },
  async (user, { team }) => settled(await deleteApprovalPolicy(await getDb(), actor(user), team)),
);

export const saveTouchEstimateAction = defineAction(
  { schema: touchEstimateSchema, ...options },
  async (user, values) => settled(await saveTouchEstimate(await getDb(), actor(user), values)),
);

export const deleteTouchEstimateAction = defineAction(
  { schema: touchIdSchema, ...options },
  async (user, { touchId }) => settled(await deleteTouchEstimate(await getDb(), actor(user), touchId)),
);

export const saveOrgLimitsAction = defineAction(
  { schema: orgLimitsSchema, ...options },
  async (user, values) => settled(await saveOrgLimits(await getDb(), actor(user), values)),
);

export const saveRecipientCapsAction = defineAction(
  { schema: recipientCapsSchema, ...options },
  async (user, values) => settled(await saveRecipientCaps(await getDb(), actor(user), values)),
);
