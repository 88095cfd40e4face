import type { SendBatchLink } from "@/lib/bulk/batch-of-send";
import type { HistoryRow } from "@/lib/sends/history";
import type { SendStatus } from "@/lib/sends/history-status";
import { effectiveBucket, type StatusBucket } from "@/lib/sends/status-buckets";

/** A history row as the client receives it: dates as ISO strings, the bucket already worked out. */
export type HistoryRowView = Omit<HistoryRow, "createdAt" | "statusBucket"> & {
  createdAt: string;
  bucket: StatusBucket;
  /** The bulk batch this send is a row of, if any. */
  batch?: SendBatchLink;
};

export function toRowView({ createdAt, statusBucket, ...row }: HistoryRow): HistoryRowView {
  return { ...row, createdAt: createdAt.toISOString(), bucket: effectiveBucket(row.state, statusBucket) };
}

/** Applies a polled status to its row. */
export function withStatus(row: HistoryRowView, status: SendStatus | undefined): HistoryRowView {
  if (!status) return row;
  const { id: _id, ...fresh } = status;
  return { ...row, ...fresh };
}
