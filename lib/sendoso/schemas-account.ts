import { z } from "zod";

/**
 * Account endpoints (shared/sendoso-api.md §6), with their documented quirks: ids documented as strings
 * but shown as integers, balances as strings, budgets as a mix. Ids the docs type as strings become
 * strings; amounts stay as Sendoso wrote them where it wrote strings.
 */
const idString = z.union([z.string(), z.number()]).transform(String);
const decimalString = z.union([z.string(), z.number()]).transform(String);
const number = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
const intOrNull = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]).nullish();

/** GET /api/v3/me (§6.1). */
export const meSchema = z.object({
  id: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  email: z.string(),
  role: z.string().nullish(),
  balance: decimalString.nullish(),
  team_balance: number.nullish(),
});
export type SendosoMe = z.infer<typeof meSchema>;

/** How a Sendoso account is named to reps: first and last name, else the email. */
export const sendosoDisplayName = (me: Pick<SendosoMe, "first_name" | "last_name" | "email">): string =>
  [me.first_name, me.last_name].filter(Boolean).join(" ") || me.email;

export const userSchema = z.object({
  id: idString,
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  email: z.string(),
  team_group_id: intOrNull,
});
export type SendosoUser = z.infer<typeof userSchema>;

/** GET /api/v3/users (§6.2): `total_users`. */
export const userPageSchema = z.object({
  current_page: z.coerce.number().int(),
  per_page: z.coerce.number().int(),
  total_users: z.coerce.number().int(),
  users: z.array(userSchema),
});
export type SendosoUserPage = z.infer<typeof userPageSchema>;

export const groupSchema = z.object({
  id: idString,
  name: z.string(),
  budget: number.nullish(),
  monthly_budget: decimalString.nullish(),
  one_time_budget: number.nullish(),
  rollover: z.boolean().nullish(),
  team_id: intOrNull,
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type SendosoGroup = z.infer<typeof groupSchema>;

/** GET /api/v3/groups (§6.4): `total_groups`. */
export const groupPageSchema = z.object({
  current_page: z.coerce.number().int(),
  per_page: z.coerce.number().int(),
  total_groups: z.coerce.number().int(),
  groups: z.array(groupSchema),
});
export type SendosoGroupPage = z.infer<typeof groupPageSchema>;

/** GET /api/v3/groups/{id}/members (§6.5): a bare array. */
export const groupMembersSchema = z.array(
  z.object({
    id: idString,
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    email: z.string(),
    balance: decimalString.nullish(),
    sandbox: z.boolean().nullish(),
    team_group_id: intOrNull,
    team_id: intOrNull,
    key: idString.nullish(),
  }),
);
export type SendosoGroupMember = z.infer<typeof groupMembersSchema>[number];
