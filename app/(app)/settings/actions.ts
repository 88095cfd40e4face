"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { disconnectSendoso, getSendosoConnections, getSendosoConnectUrl } from "@/lib/sendoso";
import { returnPathSchema } from "@/lib/validation/return-path";

/**
 * Sends the browser to Sendoso's consent screen; the callback route finishes the connection and
 * returns to `returnTo` (the page whose button was pressed; Settings when absent).
 */
export const connectSendoso = defineAction(
  {
    schema: z.object({ purpose: z.enum(["own", "shared"]), returnTo: returnPathSchema.optional() }),
    permission: "connect_own_sendoso",
    failureMessage: "Gift Desk could not start the Sendoso connection. Try again in a minute.",
  },
  async (user, { purpose, returnTo }) => {
    if (purpose === "shared" && !can(user.role, "manage_shared_sendoso")) {
      return { error: "Only an admin can connect the shared Sendoso account." };
    }
    redirect(await getSendosoConnectUrl(user.id, purpose, returnTo));
  },
);

/** Revokes the tokens at Sendoso and forgets them. Only one's own connection, or the shared one as admin. */
export const disconnectSendosoAction = defineAction(
  {
    schema: z.object({ connectionId: z.uuid() }),
    permission: "connect_own_sendoso",
    failureMessage: "Gift Desk could not disconnect Sendoso. Try again in a minute.",
  },
  async (user, { connectionId }) => {
    const { own, shared } = await getSendosoConnections(user.id);
    const allowed =
      own?.id === connectionId || (shared?.id === connectionId && can(user.role, "manage_shared_sendoso"));
    // Someone else's connection looks exactly like one that does not exist.
    if (!allowed) return { error: "That connection was not found." };
    // The audit entry takes the request id itself (recordAudit reads the current request's).
    await disconnectSendoso(connectionId, { userId: user.id });
    redirect("/settings?sendoso=disconnected");
  },
);
