import "server-only";
import { getConfig } from "@/lib/env";
import type { SendosoClient } from "./client";
import { clientOnTokens, openAnyConnection } from "./connect";
import { connectDeps, getSendosoClient, globalForSendoso } from "./wiring";

/**
 * A client for organisation-wide reads such as the send list (the reconciler): the shared org connection,
 * else any active rep connection, else, with the bundled simulator only, the sandbox token. Null when
 * nothing can read Sendoso.
 */
export async function getSendosoClientForSync(): Promise<{
  client: SendosoClient;
  via: "shared" | "rep" | "sandbox";
} | null> {
  const deps = await connectDeps();
  const opened = await openAnyConnection(deps);
  if (opened) {
    const client = clientOnTokens(deps, opened.tokens);
    return { client, via: opened.connection.shared ? "shared" : "rep" };
  }
  return getConfig().sendoso.sandbox ? { client: getSendosoClient(), via: "sandbox" } : null;
}

/**
 * The Sendoso user behind the sandbox token (sends made without a connection went out as this user), or
 * null outside the simulator. Asked once per process.
 */
export async function getSandboxSendosoUserId(): Promise<number | null> {
  if (!getConfig().sendoso.sandbox) return null;
  if (!globalForSendoso.giftDeskSandboxUserId) {
    const asking = getSendosoClient()
      .me()
      .then((me) => me.id);
    globalForSendoso.giftDeskSandboxUserId = asking;
    asking.catch(() => {
      if (globalForSendoso.giftDeskSandboxUserId === asking)
        globalForSendoso.giftDeskSandboxUserId = undefined;
    });
  }
  return globalForSendoso.giftDeskSandboxUserId;
}
