"use client";

import { TouchPicture } from "@/components/touch-cards/touch-picture";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { TouchOption } from "@/lib/sends/touch-options";
import { timingFor } from "@/lib/touches/card-view";

type Props = {
  touch: TouchOption;
  name: string;
  checked: boolean;
  onSelect(touch: TouchOption): void;
  invalid: boolean;
  inputRef?: (element: HTMLInputElement | null) => void;
};

/**
 * One touch as a card around a native radio button: arrow keys move between cards, Space picks, and
 * disabled ones are skipped but stay readable with their reason. The radio's name is the touch's name
 * alone; the rest of the card describes it.
 */
export function TouchCardOption({ touch, name, checked, onSelect, invalid, inputRef }: Props) {
  // Disabled until hydrated: a card chosen before then would be unchosen when React takes over.
  const hydrated = useHydrated();
  const id = `touch-${touch.id}`;
  const unavailable = touch.unavailableReason !== null;
  return (
    <label
      htmlFor={id}
      data-testid="touch-card"
      className={cn(
        // relative: the visually hidden radio sits inside the card, so focusing it never scrolls elsewhere.
        "relative flex gap-3 rounded-card border bg-surface p-3 text-sm transition-colors",
        "has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 has-[:focus-visible]:ring-offset-2",
        checked ? "border-brand-600 bg-brand-50" : "border-line",
        unavailable ? "cursor-not-allowed bg-surface-muted" : "cursor-pointer hover:border-line-strong",
      )}
    >
      <input
        ref={inputRef}
        type="radio"
        id={id}
        name={name}
        value={touch.id}
        checked={checked}
        disabled={unavailable || !hydrated}
        onChange={() => onSelect(touch)}
        aria-labelledby={`${id}-name`}
        aria-describedby={`${id}-details`}
        aria-invalid={invalid || undefined}
        className="sr-only"
      />
      <TouchPicture src={touch.imageUrl} className="size-16 shrink-0" />
      <span className="flex min-w-0 flex-1 flex-col gap-1">
        <span className="flex items-start justify-between gap-2">
          <span id={`${id}-name`} className="font-medium">
            {touch.name}
          </span>
          {checked ? <span className="shrink-0 text-xs font-semibold text-brand-700">✓ Chosen</span> : null}
        </span>
        <span id={`${id}-details`} className="flex flex-col gap-1">
          <span className="flex flex-wrap items-center gap-1.5">
            <Badge tone={touch.kind === "egift" ? "info" : "neutral"}>
              {touch.kind === "egift" ? "eGift" : "Physical"}
            </Badge>
            <Badge tone="brand">{touch.priceLabel ?? touch.priceBandLabel}</Badge>
            {unavailable ? <Badge tone="warning">Unavailable: {touch.unavailableReason}</Badge> : null}
          </span>
          <span className="text-xs text-ink-muted">{timingFor(touch.kind)}</span>
          {touch.description ? (
            <span className="line-clamp-2 text-ink-muted">{touch.description}</span>
          ) : null}
          {touch.tags.length > 0 ? (
            <span className="text-xs text-ink-muted">Good for: {touch.tags.join(", ")}</span>
          ) : null}
          {touch.shipTo.length > 0 ? (
            <span className="text-xs text-ink-muted">Ships to {touch.shipTo.join(", ")}</span>
          ) : null}
        </span>
      </span>
    </label>
  );
}
