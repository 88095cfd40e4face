import { z } from "zod";

/** Parsers for every Sendoso response we read (shared/sendoso-api.md). Unknown extra fields are ignored. */

export const touchSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullish(),
  start_date: z.string().nullish(),
  end_date: z.string().nullish(),
  status: z.string(),
  delivery_type: z.enum(["mail", "email"]),
  starting_egift_price: z.number().nullish(),
  ending_egift_price: z.number().nullish(),
  is_default_price: z.boolean().nullish(),
  ship_to_countries: z.array(z.string()).nullish(),
  currency: z.string().nullish(),
});
export type Touch = z.infer<typeof touchSchema>;

export const touchPageSchema = z.object({
  current_page: z.coerce.number().int(),
  per_page: z.coerce.number().int(),
  total_posts: z.coerce.number().int(),
  touches: z.array(touchSchema),
});

export const sendAcceptedSchema = z.object({
  success: z.literal(true),
  message: z.string(),
  tracking_code: z.string().regex(/^[0-9a-f]{40}$/),
  tracking_url: z.url().optional(),
});

/** `{success:false, message}`, the 401 `{description, expired}` variant, or a bare `{message}`. */
export const errorBodySchema = z
  .object({
    success: z.literal(false).optional(),
    message: z.string().optional(),
    description: z.string().optional(),
    expired: z.boolean().optional(),
  })
  .transform((b) => ({ message: b.message ?? b.description ?? "", expired: b.expired === true }));

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
