import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { ConnectSendosoPrompt } from "@/components/send/connect-sendoso-prompt";
import { SendForm, type SendPrefill } from "@/components/send/send-form";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { priceFormat } from "@/lib/i18n/price-format";
import { log } from "@/lib/log";
import { templatesForSending } from "@/lib/messages/templates";
import { getSendosoConnections, listActiveTouches } from "@/lib/sendoso";
import { pricedTouchOptions } from "@/lib/sends/priced-touch-options";
import type { TouchOption } from "@/lib/sends/touch-options";
import { type MeterView, toMeterView } from "@/lib/spend/meter-view";
import { sendMetersFor } from "@/lib/spend/org-limits";
import { sendGift } from "./actions";

export const metadata: Metadata = { title: "Send a gift" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadTouchOptions(userId: string): Promise<TouchOption[] | null> {
  try {
    return await pricedTouchOptions(
      await getDb(),
      await listActiveTouches(userId),
      new Date(),
      await priceFormat(),
    );
  } catch (error) {
    log.error({ err: error }, "could not load touches");
    return null;
  }
}

/** The budget meters; without them the form still works (the action checks budgets itself). */
async function loadMeters(user: { id: string; team: string | null }): Promise<MeterView[]> {
  try {
    return (await sendMetersFor(await getDb(), user, getConfig().currency)).map((m) => toMeterView(m));
  } catch (error) {
    log.error({ err: error }, "could not load budget meters");
    return [];
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
  const [touches, params, meters, templates] = await Promise.all([
    loadTouchOptions(user.id),
    searchParams,
    loadMeters(user),
    // Saved messages are a convenience: without them the rep writes their own.
    getDb()
      .then((db) => templatesForSending(db, user))
      .catch(() => []),
  ]);
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
          meters={meters}
          templates={templates}
        />
      )}
    </div>
  );
}
