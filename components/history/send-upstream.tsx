import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { focusRing } from "@/components/ui/styles";
import type { Send } from "@/lib/db/schema";

/** The message and the exact JSON body Gift Desk posted to Sendoso: every option, as sent. */
export function SendUpstream({ send }: { send: Send }) {
  return (
    <Card aria-labelledby="upstream-title">
      <CardHeader>
        <CardTitle id="upstream-title">Sent to Sendoso</CardTitle>
        <CardDescription>The request body exactly as Gift Desk posted it.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div>
          <h3 className="text-sm font-medium text-ink-muted">Message</h3>
          <p className="mt-1 whitespace-pre-wrap text-sm" data-testid="detail-message">
            {send.customMessage || "— (no message)"}
          </p>
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: a named scroll container, like components/ui/table */}
        <div
          role="region"
          aria-label="Request body sent to Sendoso"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll it
          tabIndex={0}
          className={`max-h-96 overflow-auto rounded-control bg-surface-muted p-4 ${focusRing}`}
        >
          <pre data-testid="detail-request-body" className="font-mono text-xs">
            {JSON.stringify(send.requestBody, null, 2)}
          </pre>
        </div>
      </CardContent>
    </Card>
  );
}
