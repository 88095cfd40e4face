import { type NextRequest, NextResponse } from "next/server";
import { userRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { consume } from "@/lib/rate-limit";
import { readBodyLimited } from "@/lib/security/limited-body";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { tooMany } from "@/lib/security/too-many";
import { recipientGlance } from "@/lib/sends/recipient-glance";
import { recipientGlanceSchema } from "@/lib/validation/send";

const NO_STORE = { "Cache-Control": "private, no-store" };
const refuse = (status: number, error: string) => NextResponse.json({ error }, { status, headers: NO_STORE });

/**
 * The send form's recipient glance: POST `{ email }` → that recipient's earlier gifts within the caller's
 * scope, the days others gifted them (as the repeat check tells), and this year's cap allowance. POST so
 * the address stays out of URLs and access logs; same origin only. Limited per user to
 * RECIPIENT_CHECK_RATE_LIMIT_PER_MINUTE, in a bucket of its own: typing one address can take two or three
 * lookups, and sharing the repeat question's bucket would let the glance use up the check a send needs.
 */
export const POST = userRoute(
  {
    permission: "send",
    refusal: { status: 403, message: "Only people who send gifts can look up recipients." },
  },
  async (user, request: NextRequest) => {
    if (!isSameOriginRequest(request.headers))
      return refuse(403, "Look up recipients from Gift Desk itself.");
    const text = await readBodyLimited(request, 2_048);
    if (text === null) return refuse(413, "That request is too large.");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return refuse(400, "Send the recipient's email as JSON.");
    }
    const parsed = recipientGlanceSchema.safeParse(body);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "Enter a valid email address.";
      return refuse(400, message);
    }
    const db = await getDb();
    const config = getConfig();
    const verdict = await consume(db, {
      key: `recipient-glance:${user.id}`,
      limit: config.limits.recipientChecksPerMinute,
      windowMs: 60_000,
    });
    if (!verdict.ok)
      return tooMany(verdict.retryAfterMs, "You have looked up many recipients in a short time.");
    const glance = await recipientGlance(db, user, parsed.data.email);
    return NextResponse.json(glance, { headers: NO_STORE });
  },
);
