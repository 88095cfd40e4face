import type { Metadata } from "next";
import Link from "next/link";
import { HistoryTable, OlderSendsLink } from "@/components/history/history-table";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/sends/cursor";
import { listSends } from "@/lib/sends/history";
import { sendScopeFor } from "@/lib/sends/scope";

export const metadata: Metadata = { title: "History" };

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<{ after?: string }> };

export default async function HistoryPage({ searchParams }: Props) {
  const user = await requireUser();
  const scope = sendScopeFor(user);
  const { after } = await searchParams;
  const { rows, next } = await listSends(await getDb(), scope, {
    limit: PAGE_SIZE,
    after: decodeCursor(after),
  });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">History</h1>
        <p className="text-ink-muted">
          {scope.kind === "own"
            ? "Your sends"
            : scope.kind === "team"
              ? `Sends by team ${scope.team}`
              : "Every send"}
          , newest first.
        </p>
      </div>
      {rows.length === 0 ? (
        <div className="flex flex-col items-start gap-3 rounded-card border border-dashed border-line-strong p-8">
          <p className="font-medium">{after ? "No older sends." : "No sends yet."}</p>
          <Link href="/send" className={buttonClasses()}>
            Send a gift
          </Link>
        </div>
      ) : (
        <HistoryTable rows={rows} showSender={scope.kind !== "own"} />
      )}
      {next ? <OlderSendsLink href={`/history?after=${encodeCursor(next)}`} /> : null}
    </div>
  );
}
