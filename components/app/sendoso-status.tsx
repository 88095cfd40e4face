"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import {
  type ConnectSendosoAction,
  ConnectSendosoButton,
} from "@/components/settings/connect-sendoso-button";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/styles";
import { useFormatMoney } from "./locale-provider";

type Me =
  | {
      status: "connected";
      name: string;
      email: string;
      balance: string | null;
      /** ORG_CURRENCY: Sendoso's balance carries no currency of its own. */
      currency: string;
      shared: boolean;
    }
  | { status: "not_connected" | "needs_reconnect" | "unavailable" };

/**
 * Header chip: who the rep sends as in Sendoso and their balance, or a button that starts the
 * (re)connect flow at once and comes back to this page.
 */
export function SendosoStatus({ connect }: { connect: ConnectSendosoAction }) {
  const formatMoney = useFormatMoney();
  const formatBalance = (balance: string | null, currency: string) => {
    const amount = Number(balance);
    return balance !== null && Number.isFinite(amount) ? formatMoney(amount, currency) : "";
  };
  const { data } = useQuery({
    queryKey: ["sendoso-me"],
    queryFn: async (): Promise<Me> => (await fetch("/api/sendoso/me")).json(),
    staleTime: 60_000,
  });
  const linkClass = cn("rounded-control px-2 py-1 text-sm font-medium underline", focusRing);
  if (!data) return <span className="text-sm text-ink-muted">Sendoso…</span>;
  switch (data.status) {
    case "connected":
      return (
        <Link
          href="/settings"
          className={cn(linkClass, "text-ink no-underline")}
          data-testid="sendoso-status"
        >
          Sendoso: {data.name}
          {data.shared ? " (shared)" : ""}
          {data.balance !== null ? ` · ${formatBalance(data.balance, data.currency)}` : ""}
        </Link>
      );
    case "not_connected":
    case "needs_reconnect":
      return (
        <div data-testid="sendoso-status">
          <ConnectSendosoButton
            connect={connect}
            size="sm"
            label={data.status === "needs_reconnect" ? "Reconnect Sendoso" : "Connect Sendoso"}
          />
        </div>
      );
    default:
      return <span className="text-sm text-ink-muted">Sendoso unavailable</span>;
  }
}
