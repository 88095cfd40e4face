import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { SendForm, type TouchOption } from "@/components/send/send-form";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/session";
import { listActiveTouches } from "@/lib/sendoso";
import { sendGift } from "./actions";

export const metadata: Metadata = { title: "Send a gift" };

async function loadTouchOptions(): Promise<TouchOption[] | null> {
  try {
    const touches = await listActiveTouches();
    // Physical touches with address confirmation are what this form sends.
    return touches
      .filter((t) => t.delivery_type === "mail")
      .map((t) => ({ id: t.id, name: t.name, description: t.description ?? "" }));
  } catch (error) {
    console.error("could not load touches", error);
    return null;
  }
}

export default async function SendPage() {
  await requireUser();
  const touches = await loadTouchOptions();
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
        <SendForm touches={touches} idempotencyKey={randomUUID()} action={sendGift} />
      )}
    </div>
  );
}
