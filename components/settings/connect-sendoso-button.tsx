"use client";

import type { ActionResult } from "@/lib/auth/action-result";
import { ActionButton } from "./connection-buttons";

export type ConnectSendosoAction = (input: {
  purpose: "own" | "shared";
  returnTo?: string;
}) => Promise<ActionResult<{ error: string } | undefined>>;

/** This page's path and query, minus an earlier connect outcome, for the callback to come back to. */
function currentPage(): string {
  const url = new URL(window.location.href);
  url.searchParams.delete("sendoso");
  return `${url.pathname}${url.search}`;
}

/** One click to Sendoso's consent screen, and back to this very page once the rep has approved. */
export function ConnectSendosoButton({
  connect,
  label,
  size,
}: {
  connect: ConnectSendosoAction;
  label: string;
  size?: "sm" | "md";
}) {
  return (
    <ActionButton
      action={() => connect({ purpose: "own", returnTo: currentPage() })}
      label={label}
      pendingLabel="Opening Sendoso…"
      size={size}
    />
  );
}
