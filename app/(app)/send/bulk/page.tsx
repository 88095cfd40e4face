import type { Metadata } from "next";
import { BatchList } from "@/components/bulk/batch-list";
import { UploadForm } from "@/components/bulk/upload-form";
import { ConnectSendosoPrompt } from "@/components/send/connect-sendoso-prompt";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { recentBatches } from "@/lib/bulk/batch-queries";
import { getDb } from "@/lib/db";
import { priceFormat } from "@/lib/i18n/price-format";
import { getSendosoConnections, listActiveTouches } from "@/lib/sendoso";
import { pricedTouchOptions } from "@/lib/sends/priced-touch-options";
import { connectSendoso } from "../../settings/actions";

export const metadata: Metadata = { title: "Bulk send" };

export default async function BulkSendPage() {
  const user = await requireUser();
  const db = await getDb();
  const { own, shared } = await getSendosoConnections(user.id);
  const connection = own ?? shared;
  if (connection?.status !== "active") {
    return (
      <ConnectSendosoPrompt reconnect={connection?.status === "needs_reconnect"} connect={connectSendoso} />
    );
  }
  const [touches, batches] = await Promise.all([
    listActiveTouches(user.id)
      .then(async (t) => pricedTouchOptions(db, t, new Date(), await priceFormat()))
      .catch(() => null),
    recentBatches(db, user),
  ]);
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Bulk send</h1>
        <p className="text-ink-muted">
          Upload a list, check every row, then send. Nothing goes out until you start the batch.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Upload recipients</CardTitle>
          <CardDescription>
            A CSV (UTF-8) or Excel file with a header row.{" "}
            <a href="/api/bulk/template" className={buttonClasses({ variant: "ghost", size: "sm" })} download>
              Download the template
            </a>
          </CardDescription>
        </CardHeader>
        <CardContent>
          {touches === null ? (
            <Alert tone="danger" role="alert" title="Sendoso is not answering">
              We could not load your touches. Reload the page in a minute.
            </Alert>
          ) : (
            <UploadForm touches={touches} />
          )}
        </CardContent>
      </Card>
      <section className="flex flex-col gap-3" aria-labelledby="recent-batches">
        <h2 id="recent-batches" className="text-lg font-semibold">
          Recent bulk sends
        </h2>
        <BatchList batches={batches} />
      </section>
    </div>
  );
}
