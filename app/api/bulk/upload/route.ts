import { NextResponse } from "next/server";
import { userRoute } from "@/lib/auth/route";
import { handleUpload } from "@/lib/bulk/upload";
import { getDb } from "@/lib/db";
import { isSameOriginRequest } from "@/lib/security/same-origin";

/**
 * A bulk file upload (multipart, up to 5 MB; a route handler because server actions stop at 1 MB).
 * Signed-in reps and up, same origin only. See lib/bulk/upload.ts for the two steps.
 */
export const POST = userRoute({ permission: "send", shape: "formError" }, async (user, request: Request) => {
  if (!isSameOriginRequest(request.headers)) {
    return NextResponse.json(
      { ok: false, formError: "This request did not come from Gift Desk." },
      { status: 403 },
    );
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return NextResponse.json(
      { ok: false, formError: "The upload could not be read. Try again." },
      { status: 400 },
    );
  }
  const answer = await handleUpload(await getDb(), user, form);
  return NextResponse.json(answer, { status: answer.ok ? 200 : 422 });
});
