import { Badge } from "@/components/ui/badge";
import type { StatusBucket } from "@/lib/sends/status-buckets";
import { BUCKET_LABEL, BUCKET_TONE } from "./labels";

/** The readable bucket, with Sendoso's raw Title-Case status under it when there is one. */
export function StatusBadge({ bucket, raw }: { bucket: StatusBucket; raw: string | null }) {
  return (
    <span className="flex flex-col items-start gap-1">
      <Badge tone={BUCKET_TONE[bucket]}>{BUCKET_LABEL[bucket]}</Badge>
      {raw ? (
        <span className="text-xs text-ink-muted">
          <span className="sr-only">Sendoso status: </span>
          {raw}
        </span>
      ) : null}
    </span>
  );
}
