"use client";

import { useMemo, useState } from "react";
import type { TouchOption } from "@/lib/sends/touch-options";
import { type CardFilters, filterTouches, NO_FILTERS, PRICE_BANDS, tagsIn } from "@/lib/touches/card-view";
import { TouchCardOption } from "./touch-card-option";
import { TouchFilters } from "./touch-filters";

type Props = {
  id: string;
  /** id of the visible label (the form's legend) naming the radio group. */
  labelledBy: string;
  touches: TouchOption[];
  value: number | null;
  onChange(touch: TouchOption | null): void;
  describedBy?: string;
  invalid: boolean;
  /** The form focuses this when the touch is missing (react-hook-form's field ref). */
  inputRef?: (element: HTMLInputElement | null) => void;
};

/**
 * Touch cards (issue 17 item 1): filters, then a radio group of cards. Plain native controls, so no
 * widget library weighs on the send page; pictures load lazily as cards scroll into view.
 */
export function TouchPicker({
  id,
  labelledBy,
  touches,
  value,
  onChange,
  describedBy,
  invalid,
  inputRef,
}: Props) {
  const [filters, setFilters] = useState<CardFilters>(NO_FILTERS);
  const shown = filterTouches(touches, filters);
  const selected = touches.find((t) => t.id === value) ?? null;
  const bands = useMemo(() => {
    const labels = new Map(touches.map((t) => [t.priceBand, t.priceBandLabel]));
    return PRICE_BANDS.filter((b) => labels.has(b)).map((b) => ({ value: b, label: labels.get(b) ?? b }));
  }, [touches]);
  const tags = useMemo(() => tagsIn(touches), [touches]);
  const firstEnabled = shown.find((t) => t.unavailableReason === null);
  return (
    <div className="flex flex-col gap-3">
      <TouchFilters
        idPrefix={`${id}-filter`}
        filters={filters}
        onChange={setFilters}
        bands={bands}
        tags={tags}
      />
      <p className="text-sm text-ink-muted" role="status" aria-live="polite">
        {shown.length === touches.length
          ? `${touches.length} touches`
          : `${shown.length} of ${touches.length} touches match`}
        {selected ? ` · Chosen: ${selected.name}` : ""}
      </p>
      <div
        id={id}
        role="radiogroup"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-required
        aria-invalid={invalid || undefined}
        className="grid max-h-[36rem] gap-3 overflow-y-auto p-1 sm:grid-cols-2"
      >
        {shown.length === 0 ? (
          <p className="text-sm text-ink-muted sm:col-span-2">No touch matches these filters.</p>
        ) : (
          shown.map((touch) => (
            <TouchCardOption
              key={touch.id}
              touch={touch}
              name={`${id}-card`}
              checked={touch.id === value}
              onSelect={onChange}
              invalid={invalid}
              // The chosen card, else the first one that can be chosen, takes the form's focus on error.
              inputRef={touch.id === (selected?.id ?? firstEnabled?.id) ? inputRef : undefined}
            />
          ))
        )}
      </div>
    </div>
  );
}
