import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CardDetailsForm } from "@/components/touch-cards/card-details-form";
import { CardImageForm } from "@/components/touch-cards/card-image-form";
import { TouchPicture } from "@/components/touch-cards/touch-picture";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { priceFormat } from "@/lib/i18n/price-format";
import { log } from "@/lib/log";
import { listTouchesForAdmin } from "@/lib/sendoso";
import { pricedTouchOptions } from "@/lib/sends/priced-touch-options";
import { listTouchCards } from "@/lib/touches/cards-store";
import { removeTouchImageAction, saveTouchCardAction, uploadTouchImageAction } from "./actions";

export const metadata: Metadata = { title: "Touch cards" };

/** Touches as the admin sees them: their own Sendoso list, else the shared one; null if Sendoso fails. */
async function loadTouches(userId: string) {
  try {
    return await listTouchesForAdmin(userId);
  } catch (error) {
    log.error({ err: error }, "touch cards: could not load touches");
    return null;
  }
}

export default async function TouchCardsPage() {
  const user = await requireUser();
  if (!can(user.role, "manage_touch_cards")) notFound();
  const db = await getDb();
  const [touches, cards, format] = await Promise.all([
    loadTouches(user.id),
    listTouchCards(db),
    priceFormat(),
  ]);
  const options = await pricedTouchOptions(db, touches ?? [], new Date(), format, cards);
  const { currency } = getConfig();
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Touch cards</h1>
        <p className="text-ink-muted">
          What reps see when they pick a touch: a picture, a short description, what it is good for, where it
          ships and its price. Cost estimates for budgets are under{" "}
          <Link href="/admin/spend" className="text-brand-700 underline">
            Spend
          </Link>
          . Every change is recorded in the audit log.
        </p>
      </div>
      {touches === null ? (
        <Alert tone="danger" role="alert" title="Sendoso is not answering">
          The touch list could not be loaded, so only touches that already have a card are shown. Reload the
          page in a minute.
        </Alert>
      ) : null}
      <ul className="flex flex-col gap-3" aria-label="Touches">
        {options.map((t) => {
          const card = cards.get(t.id);
          return (
            <li
              key={t.id}
              data-testid="touch-card-admin"
              className="rounded-card border border-line bg-surface"
            >
              <details>
                <summary className="flex cursor-pointer items-center gap-3 rounded-card p-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
                  <TouchPicture src={t.imageUrl} className="size-12 shrink-0" />
                  <span className="flex min-w-0 flex-1 flex-col">
                    <span className="font-medium">{t.name}</span>
                    <span className="text-sm text-ink-muted">
                      {card
                        ? `${card.tags.length} tags · ${card.imageHash ? "picture" : "no picture"}`
                        : "No card yet"}
                    </span>
                  </span>
                  <Badge tone={t.kind === "egift" ? "info" : "neutral"}>
                    {t.kind === "egift" ? "eGift" : "Physical"}
                  </Badge>
                  {t.unavailableReason ? <Badge tone="warning">{t.unavailableReason}</Badge> : null}
                </summary>
                <div className="grid gap-6 border-t border-line p-4 md:grid-cols-[12rem_1fr]">
                  <div className="flex flex-col gap-3">
                    <TouchPicture src={t.imageUrl} className="size-40" />
                    <CardImageForm
                      key={card?.imageHash ?? "none"}
                      touchId={t.id}
                      touchName={t.name}
                      hasImage={Boolean(card?.imageHash)}
                      upload={uploadTouchImageAction}
                      remove={removeTouchImageAction}
                    />
                  </div>
                  <CardDetailsForm
                    touchId={t.id}
                    touchName={t.name}
                    currency={currency}
                    initial={{
                      description: card?.description ?? "",
                      tags: card?.tags ?? [],
                      shipTo: card?.shipTo ?? [],
                      displayPrice: card?.displayPrice ?? null,
                    }}
                    action={saveTouchCardAction}
                  />
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
