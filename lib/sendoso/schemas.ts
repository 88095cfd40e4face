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
  created_at: z.string().nullish(),
  user_id: z.number().int().nullish(),
  gift_id: z.number().int().nullish(),
  hubspot_key: z.string().nullish(),
});
export type Touch = z.infer<typeof touchSchema>;

/** GET /touches/{id} wraps the touch: `{success, touch}` (the docs call it an array; it is an object). */
export const touchShowSchema = z.object({ success: z.literal(true).optional(), touch: touchSchema });

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
  // Read as a string: an odd URL must not turn an accepted send into "unknown". It is kept only when
  // it is https (safeTrackingUrl), since the UI renders it as a link.
  tracking_url: z.string().nullish(),
});

/** The tracking URL if it is an https URL, else null (reliability-security.md O-OE2). */
export function safeTrackingUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).protocol === "https:" ? value : null;
  } catch {
    return null;
  }
}

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
