import { NextResponse } from "next/server";
import { z } from "zod";
import { userRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { NOTIFICATION_CATEGORIES } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";
import { isAppPath } from "@/lib/notifications/email-text";
import { notify } from "@/lib/notifications/notify";
import { isSameOriginRequest } from "@/lib/security/same-origin";

const sampleSchema = z.object({
  category: z.enum(NOTIFICATION_CATEGORIES).default("send_failed"),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(2_000).default("A sample notification from the sandbox."),
  link: z.string().refine(isAppPath, "An app path such as /history").optional(),
});

/**
 * Sandbox only (the bundled dev sign-in, whose every account and password are public): puts a sample
 * notification in the caller's own inbox through the real `notify`, email included. For trying the bell
 * and the email sink in `npm run dev`, and for the browser tests. With a real IdP it does not exist (404).
 */
export async function POST(request: Request) {
  if (!getConfig().auth.sandbox) return NextResponse.json({ error: "Not found." }, { status: 404 });
  return addSample(request);
}

const addSample = userRoute({}, async (user, request: Request) => {
  if (!isSameOriginRequest(request.headers)) {
    return NextResponse.json({ error: "Cross-site request refused." }, { status: 403 });
  }
  const parsed = sampleSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  const db = await getDb();
  await db.transaction((tx) => notify(tx, { userIds: [user.id], ...parsed.data }));
  return NextResponse.json({ ok: true }, { status: 201 });
});
