import { type ReviewRowView, ReviewTable } from "@/components/bulk/review-table";
import { SpendSummary } from "@/components/bulk/spend-summary";
import { StartPanel } from "@/components/bulk/start-panel";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { batchSpend } from "@/lib/bulk/batch-spend";
import type { BulkField } from "@/lib/bulk/fields";
import { touchPricingFor } from "@/lib/bulk/pricing";
import { reviewDraft } from "@/lib/bulk/review";
import { summarise } from "@/lib/bulk/validate-rows";
import type { Db } from "@/lib/db/client";
import type { BulkBatch, User } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";

const PAGE = 100;
const BASE_COLUMNS: BulkField[] = ["first_name", "last_name", "name", "email", "company"];
const ADDRESS_COLUMNS: BulkField[] = ["address", "city", "state", "zip", "country", "mobile_no"];

/** A draft: the review of every row, spend before sending, and Start. */
export async function ReviewView({
  db,
  user,
  batch,
  page,
}: {
  db: Db;
  user: User;
  batch: BulkBatch;
  page: number;
}) {
  const config = getConfig();
  const { reviews } = await reviewDraft(db, batch, config.repeatRecipientWindowDays);
  const summary = summarise(reviews);
  const sendable = reviews.filter((r) => r.values && !r.blocked).length;
  const pricing = await touchPricingFor(db, batch.senderId, batch.settings?.touchId ?? 0).catch(() => null);
  const spend = pricing
    ? await batchSpend(db, user, pricing.estimate, sendable, {
        currency: config.currency,
        teamlessSends: config.teamlessSends,
        teamGroupPrefix: config.auth.teamGroupPrefix,
      })
    : null;
  // Problems first, so 20 invalid rows in 5,000 are on the first page.
  const ordered = [...reviews].sort((a, b) => rank(a) - rank(b) || a.rowNumber - b.rowNumber);
  const shown: ReviewRowView[] = ordered.slice(page * PAGE, (page + 1) * PAGE).map((r) => ({
    rowNumber: r.rowNumber,
    cells: r.cells,
    errors: r.errors,
    warnings: r.warnings,
    blocked: r.blocked,
    valid: r.values !== null,
  }));
  const present = new Set(reviews.flatMap((r) => Object.keys(r.cells)));
  const columns = [
    ...BASE_COLUMNS.filter((c) => present.has(c) || c === "email"),
    ...(batch.settings?.sendType === "known_address" ? ADDRESS_COLUMNS : []),
    ...(present.has("custom_message") ? (["custom_message"] as BulkField[]) : []),
  ];
  const pages = Math.max(1, Math.ceil(reviews.length / PAGE));
  return (
    <div className="flex flex-col gap-5">
      <p data-testid="review-summary">
        <strong>{summary.total.toLocaleString("en-US")}</strong> rows: {summary.valid.toLocaleString("en-US")}{" "}
        valid, {summary.invalid.toLocaleString("en-US")} invalid or blocked,{" "}
        {summary.warned.toLocaleString("en-US")} with warnings.
      </p>
      {summary.invalid > 0 ? (
        <p>
          <a
            href={`/api/bulk/${batch.id}/invalid`}
            className={buttonClasses({ variant: "secondary", size: "sm" })}
            download
          >
            Download the invalid rows (CSV)
          </a>{" "}
          <span className="text-sm text-ink-muted">
            Fix them and upload them as a new batch, or fix cells here.
          </span>
        </p>
      ) : null}
      {spend && pricing ? (
        <SpendSummary
          spend={spend}
          rows={sendable}
          perGift={pricing.estimate.amount}
          currency={config.currency}
        />
      ) : (
        <Alert tone="warning" title="Spend unknown">
          Sendoso did not answer, so the estimate is missing. Reload in a minute.
        </Alert>
      )}
      <StartPanel batchId={batch.id} sendable={sendable} skipped={summary.invalid} />
      <ReviewTable batchId={batch.id} rows={shown} columns={columns} />
      {pages > 1 ? (
        <nav aria-label="Review pages" className="flex gap-2">
          {page > 0 ? (
            <a className={buttonClasses({ variant: "secondary", size: "sm" })} href={`?page=${page - 1}`}>
              Previous
            </a>
          ) : null}
          <span className="text-sm">
            Page {page + 1} of {pages}
          </span>
          {page + 1 < pages ? (
            <a className={buttonClasses({ variant: "secondary", size: "sm" })} href={`?page=${page + 1}`}>
              Next
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

function rank(r: { values: unknown; blocked: boolean; warnings: string[] }): number {
  if (!r.values || r.blocked) return 0;
  return r.warnings.length > 0 ? 1 : 2;
}
