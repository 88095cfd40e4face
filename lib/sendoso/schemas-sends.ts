import { z } from "zod";

/**
 * GET /api/v3/send items (shared/sendoso-api.md §5.1). `current_total_cost` is a string that may change
 * until the send is final; `status` is a Title-Case display string; items carry no `tracking_code`
 * unless Sendoso adds one, so it is optional.
 */
export const sendItemSchema = z.object({
  id: z.number().int(),
  send_gid: z.string(),
  type: z.string().nullish(),
  subtype: z.string().nullish(),
  currency: z.string().nullish(),
  current_total_cost: z.union([z.string(), z.number()]).transform(String).nullish(),
  status: z.string(),
  created_at: z.string(),
  touch: z.object({ id: z.number().int(), name: z.string().nullish() }).nullish(),
  recipient: z
    .object({
      name: z.string().nullish(),
      email: z.string().nullish(),
      company_name: z.string().nullish(),
    })
    .nullish(),
  sender: z
    .object({
      id: z.number().int().nullish(),
      name: z.string().nullish(),
      email: z.string().nullish(),
      team_id: z.number().int().nullish(),
      team_name: z.string().nullish(),
    })
    .nullish(),
  sent_via: z.string().nullish(),
  status_updates: z.array(z.object({ status: z.string(), occurred_at: z.string() })).nullish(),
  tracking_code: z.string().optional(),
});
export type SendosoSendItem = z.infer<typeof sendItemSchema>;

export const sendPageSchema = z.object({
  current_page: z.coerce.number().int(),
  per_page: z.coerce.number().int(),
  total_count: z.coerce.number().int(),
  sends: z.array(sendItemSchema),
});
export type SendosoSendPage = z.infer<typeof sendPageSchema>;
