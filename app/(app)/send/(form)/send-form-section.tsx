import { randomUUID } from "node:crypto";
import { SendForm, type SendPrefill } from "@/components/send/send-form";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";
import { priceFormat } from "@/lib/i18n/price-format";
import { log } from "@/lib/log";
import { templatesForSending } from "@/lib/messages/templates";
import { listActiveTouches } from "@/lib/sendoso";
import { pricedTouchOptions } from "@/lib/sends/priced-touch-options";
import { type MeterView, toMeterView } from "@/lib/spend/meter-view";
import { sendMetersFor } from "@/lib/spend/org-limits";
import { sendGift } from "../actions";

type Params = Record<string, string | string[] | undefined>;

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
function prefillFrom(params: Params): SendPrefill {
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

/**
 * The form and what it needs from Sendoso (the touch list, up to SENDOSO_TIMEOUT_MS on a cache miss).
 * Rendered inside a Suspense boundary, so the page around it is on screen at once. Without touches
 * there is nothing to send: the error is thrown to send/error.tsx, which explains it and offers a retry.
 */
export async function SendFormSection({ user, searchParams }: { user: User; searchParams: Promise<Params> }) {
  const [touches, params, meters, templates] = await Promise.all([
    listActiveTouches(user.id).then(async (list) =>
      pricedTouchOptions(await getDb(), list, new Date(), await priceFormat()),
    ),
    searchParams,
    loadMeters(user),
    // Saved messages are a convenience: without them the rep writes their own.
    getDb()
      .then((db) => templatesForSending(db, user))
      .catch(() => []),
  ]);
  return (
    // A fresh idempotency key per rendered form: resubmitting this form can never send twice.
    <SendForm
      touches={touches}
      idempotencyKey={randomUUID()}
      action={sendGift}
      prefill={prefillFrom(params)}
      meters={meters}
      templates={templates}
    />
  );
}
