import { userRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { touchImageResponse } from "@/lib/touches/image-response";

/** A touch card's picture (see lib/touches/image-response.ts). Any signed-in user: reps pick by it. */
export const GET = userRoute(
  {},
  async (_user, _request: Request, context: RouteContext<"/api/touches/[id]/image/[hash]">) =>
    touchImageResponse(await getDb(), await context.params),
);
