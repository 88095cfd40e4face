import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { touchImageResponse } from "@/lib/touches/image-response";

/** A touch card's picture (see lib/touches/image-response.ts). Any signed-in user: reps pick by it. */
export async function GET(_request: Request, context: RouteContext<"/api/touches/[id]/image/[hash]">) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
  return touchImageResponse(await getDb(), await context.params);
}
