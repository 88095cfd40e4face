"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { SendGiftValues } from "@/lib/validation/send";
import type { SettledOutcome } from "./use-send-gift";

type Props = { outcome: SettledOutcome; onSendAnother(): void };

/** What happens next for this kind of send, in the rep's words. */
function nextSteps(values: SendGiftValues): string {
  const who = values.recipientName || values.recipientEmail;
  switch (values.sendType) {
    case "egift":
      return `Sendoso emails ${who} the eGift now. You can follow it from the tracking page.`;
    case "known_address":
      return `Sendoso ships it to ${values.city}, ${values.country}. History shows the delivery status as it moves.`;
    case "address_collection": {
      const how =
        values.addressConfirmationVia === "email"
          ? `${who} gets an email`
          : "Sendoso emails you a link to share";
      const after = values.resumeWithUnconfirmedAddress
        ? "it ships anyway if nobody confirms"
        : "the gift is cancelled if nobody confirms";
      return `${how} to confirm the shipping address. They have ${values.expireAfterDays} days; ${after}.`;
    }
  }
}

const TITLES: Record<SettledOutcome["status"], string> = {
  sent: "Gift sent",
  unknown: "Gift not confirmed yet",
  pending_approval: "Gift waiting for approval",
  key_reused: "This form was already sent",
};

/** What became of the first submit of a reused key, in the rep's words. */
const FIRST_WORDS: Record<string, string> = {
  sent: "It was sent.",
  failed: "It was not sent.",
  unknown: "It is not confirmed yet — do not resend.",
  in_progress: "It is still being sent.",
  pending_approval: "It is waiting for approval.",
};

export function SendOutcomePanel({ outcome, onSendAnother }: Props) {
  const { values } = outcome;
  return (
    <Card aria-labelledby="outcome-title" data-testid="send-outcome">
      <CardHeader>
        <CardTitle id="outcome-title">{TITLES[outcome.status]}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {outcome.status === "sent" ? (
          <>
            <Alert tone="success" title={`Sendoso accepted the gift for ${values.recipientEmail}.`}>
              {nextSteps(values)}
            </Alert>
            <div className="flex flex-wrap items-center gap-3">
              <span className="text-sm font-medium">Tracking code</span>
              <code
                data-testid="tracking-code"
                className="rounded bg-surface-muted px-2 py-1 font-mono text-sm"
              >
                {outcome.trackingCode}
              </code>
              <CopyButton value={outcome.trackingCode} size="sm" variant="secondary" />
            </div>
            {outcome.trackingUrl ? (
              <a className="text-sm font-medium text-brand-700 underline" href={outcome.trackingUrl}>
                Open the tracking page
              </a>
            ) : null}
          </>
        ) : outcome.status === "pending_approval" ? (
          <Alert tone="info" title="Waiting for approval — nothing sent">
            <span data-testid="pending-approval-message">{outcome.message}</span> History shows where it
            stands; you can cancel it there while it waits.
          </Alert>
        ) : outcome.status === "key_reused" ? (
          <Alert tone="info" title={FIRST_WORDS[outcome.first] ?? "It was recorded."}>
            <span data-testid="key-reused-message">{outcome.message}</span> Open it in History to see where it
            stands.
          </Alert>
        ) : (
          <Alert tone="warning" role="alert" title="Do not resend this gift">
            {outcome.message}
          </Alert>
        )}
      </CardContent>
      <CardFooter className="flex flex-wrap gap-3">
        <Link href={`/history/${outcome.sendId}`} className={buttonClasses({ variant: "secondary" })}>
          View in History
        </Link>
        <Button onClick={onSendAnother}>
          {outcome.status === "key_reused" ? "Start a new send" : "Send another"}
        </Button>
      </CardFooter>
    </Card>
  );
}
