import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ConnectSendosoPrompt } from "@/components/send/connect-sendoso-prompt";
import { SendFormSkeleton } from "@/components/send/send-form-skeleton";
import { focusRing } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/session";
import { getSendosoConnections } from "@/lib/sendoso";
import { connectSendoso } from "../../settings/actions";
import { SendFormSection } from "./send-form-section";

export const metadata: Metadata = { title: "Send a gift" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SendPage({ searchParams }: Props) {
  const user = await requireUser();
  const { own, shared } = await getSendosoConnections(user.id);
  // A broken own connection is not swapped for the shared one: the gift would go out as someone else.
  const connection = own ?? shared;
  if (connection?.status !== "active") {
    return (
      <ConnectSendosoPrompt reconnect={connection?.status === "needs_reconnect"} connect={connectSendoso} />
    );
  }
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Send a gift</h1>
        <p className="text-ink-muted">
          Pick a touch, tell us who it is for, and Sendoso takes it from there. Sending to a list?{" "}
          <Link
            href="/send/bulk"
            className={`rounded-control font-medium text-brand-700 underline ${focusRing}`}
          >
            Bulk send from a file
          </Link>
        </p>
      </div>
      {/* The heading is on screen at once; the form follows when Sendoso's touch list arrives. */}
      <Suspense fallback={<SendFormSkeleton status="Loading your touches from Sendoso…" />}>
        <SendFormSection user={user} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
