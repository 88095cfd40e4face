import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { ConnectSendosoPrompt } from "@/components/send/connect-sendoso-prompt";
import { SendForm, type SendPrefill } from "@/components/send/send-form";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/session";
import { getSendosoConnections, listActiveTouches } from "@/lib/sendoso";
import { type TouchOption, toTouchOption } from "@/lib/sends/touch-options";
import { sendGift } from "./actions";

export const metadata: Metadata = { title: "Send a gift" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadTouchOptions(userId: string): Promise<TouchOption[] | null> {
  try {
    return (await listActiveTouches(userId)).map((t) => toTouchOption(t));
  } catch (error) {
    console.error("could not load touches", error);
    return null;
  }
}

/** `/send?name=&email=&company=&touch=` lets a CRM button open a ready form. Only text passes through. */
function prefillFrom(params: Record<string, string | string[] | undefined>): SendPrefill {
  const text = (key: string) => {
    const value = params[key];
    return typeof value === "string" && value.length <= 200 ? value : undefined;
  };
  const touch = Number(text("touch"));
  const prefill: SendPrefill = {
    name: text("name"),
    email: text("email"),
    company: text("company"),
    touchId: Number.isInteger(touch) && touch > 0 ? touch : undefined,
  };
  return Object.fromEntries(Object.entries(prefill).filter(([, v]) => v !== undefined)) as SendPrefill;
}

export default async function SendPage({ searchParams }: Props) {
  const user = await requireUser();
  const { own, shared } = await getSendosoConnections(user.id);
  // A broken own connection is not swapped for the shared one: the gift would go out as someone else.
  const connection = own ?? shared;
  if (connection?.status !== "active") {
    return <ConnectSendosoPrompt reconnect={connection?.status === "needs_reconnect"} />;
  }
  const [touches, params] = await Promise.all([loadTouchOptions(user.id), searchParams]);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Send a gift</h1>
        <p className="text-ink-muted">
          Pick a touch, tell us who it is for, and Sendoso takes it from there.
        </p>
      </div>
      {touches === null ? (
        <Alert tone="danger" role="alert" title="Sendoso is not answering">
          We could not load your touches. Reload the page in a minute.
        </Alert>
      ) : (
        // A fresh idempotency key per rendered form: resubmitting this form can never send twice.
        <SendForm
          touches={touches}
          idempotencyKey={randomUUID()}
          action={sendGift}
          prefill={prefillFrom(params)}
        />
      )}
    </div>
  );
}
