import { Alert } from "@/components/ui/alert";
import type { Send } from "@/lib/db/schema";

/** Where a gift stands in approval: waiting (nothing sent), rejected with the reason, or withdrawn. */
export function ApprovalNotice({ send }: { send: Send }) {
  switch (send.state) {
    case "pending_approval":
      return (
        <Alert tone="info" title="Waiting for approval — nothing sent yet">
          A manager decides before it goes out.
          {send.overBudget ? " It does not fit the budget, so approving it spends past the budget." : ""}
        </Alert>
      );
    case "rejected":
      return (
        <Alert tone="danger" title="Not approved — nothing was sent">
          <p data-testid="rejection-reason">Reason: {send.decisionReason ?? "none given"}</p>
        </Alert>
      );
    case "cancelled":
      return <Alert tone="info" title="Cancelled before approval — nothing was sent" />;
    default:
      return null;
  }
}
