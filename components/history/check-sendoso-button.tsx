"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { checkSendWithSendoso } from "@/app/(app)/history/[id]/check-actions";
import { Alert, type AlertTone } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SendCheckOutcome } from "@/lib/jobs/runs";
import { STATE_LABEL } from "./labels";

type Message = { tone: AlertTone; text: string };

const OUTCOME_MESSAGE: Record<SendCheckOutcome, Message> = {
  found: { tone: "success", text: "Sendoso has this gift: it is now marked sent." },
  changed: {
    tone: "info",
    text: "Someone changed this send while we checked. The page shows what it is now.",
  },
  ambiguous: {
    tone: "warning",
    text: "Sendoso has more than one gift that could be this one, so nothing was changed. A manager needs to check it in Sendoso.",
  },
  too_early: {
    tone: "info",
    text: "Too early to be sure: Sendoso may still be adding this gift to its list. Gift Desk checks again on its own within about ten minutes. Do not resend.",
  },
  not_found: {
    tone: "warning",
    text: "Sendoso has no gift matching this one. Do not resend yet: a manager can confirm it was not sent.",
  },
  not_reached: {
    tone: "info",
    text: "Sendoso's send list is too long to search in one go; Gift Desk keeps checking on its own.",
  },
  busy: { tone: "info", text: "Gift Desk is checking with Sendoso right now. Look again in a minute." },
  no_connection: {
    tone: "warning",
    text: "No working Sendoso connection to check with. An admin can reconnect the shared Sendoso account.",
  },
};

/** Runs the reconciler for this `unknown` send now and says what it found. */
export function CheckSendosoButton({ sendId }: { sendId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<Message>();

  function check() {
    startTransition(async () => {
      const result = await checkSendWithSendoso({ sendId });
      if (!result.ok) {
        setMessage({ tone: "danger", text: result.formError ?? "Gift Desk could not check just now." });
        return;
      }
      const data = result.data;
      if (data.status === "checked") {
        setMessage(OUTCOME_MESSAGE[data.outcome]);
        if (data.outcome === "found" || data.outcome === "changed") router.refresh();
      } else if (data.status === "not_unknown") {
        setMessage({ tone: "info", text: `This send is now “${STATE_LABEL[data.state]}”.` });
        router.refresh();
      } else {
        setMessage({ tone: "danger", text: "This send could not be found." });
      }
    });
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <Button variant="secondary" onClick={check} pending={pending} pendingLabel="Checking with Sendoso…">
        Check with Sendoso now
      </Button>
      {message ? <Alert tone={message.tone} title={message.text} className="max-w-md" /> : null}
    </div>
  );
}
