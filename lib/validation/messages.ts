import { z } from "zod";
import { CUSTOM_MESSAGE_MAX } from "./send";

export const TEMPLATE_NAME_MAX = 80;
export const TEMPLATE_SCOPES = ["personal", "team"] as const;
export type TemplateScope = (typeof TEMPLATE_SCOPES)[number];

const booleanish = z.union([
  z.boolean(),
  z.enum(["true", "false", "on", "off"]).transform((v) => v === "true" || v === "on"),
]);

/**
 * A saved message as the settings form and its action see it. `team` is only read for an admin (a
 * manager's team templates are always their own team's); `locked` only means something for a team's.
 */
export const messageTemplateSchema = z
  .object({
    id: z.uuid().optional(),
    scope: z.enum(TEMPLATE_SCOPES, { error: "Choose whose message it is" }),
    team: z.string().trim().max(64).default(""),
    name: z
      .string({ error: "Give it a name" })
      .trim()
      .min(1, "Give it a name")
      .max(TEMPLATE_NAME_MAX, `Use at most ${TEMPLATE_NAME_MAX} characters`),
    body: z
      .string({ error: "Write the message" })
      .trim()
      .min(1, "Write the message")
      .max(CUSTOM_MESSAGE_MAX, `Keep the message under ${CUSTOM_MESSAGE_MAX} characters`),
    locked: booleanish.default(false),
  })
  .refine((v) => !v.locked || v.scope === "team", {
    path: ["locked"],
    message: "Only a team message can be locked",
  });
export type MessageTemplateInput = z.input<typeof messageTemplateSchema>;
export type MessageTemplateValues = z.output<typeof messageTemplateSchema>;

export const messageTemplateIdSchema = z.object({ id: z.uuid("This message no longer exists") });
