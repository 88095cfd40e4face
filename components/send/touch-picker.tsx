"use client";

import { Combobox, ComboboxButton, ComboboxInput, ComboboxOption, ComboboxOptions } from "@headlessui/react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { controlClasses } from "@/components/ui/styles";
import type { TouchOption } from "@/lib/sends/touch-options";

type Props = {
  id: string;
  touches: TouchOption[];
  value: number | null;
  onChange(touch: TouchOption | null): void;
  describedBy?: string;
  invalid: boolean;
};

function matches(touch: TouchOption, query: string): boolean {
  const q = query.trim().toLowerCase();
  return (
    !q ||
    `${touch.name} ${touch.description} ${touch.kind === "egift" ? "egift" : "physical"}`
      .toLowerCase()
      .includes(q)
  );
}

/** Searchable, keyboard-operable touch list (WAI-ARIA combobox from Headless UI). */
export function TouchPicker({ id, touches, value, onChange, describedBy, invalid }: Props) {
  const [query, setQuery] = useState("");
  const selected = touches.find((t) => t.id === value) ?? null;
  const shown = touches.filter((t) => matches(t, query));
  return (
    <Combobox value={selected} onChange={onChange} onClose={() => setQuery("")} by="id" immediate>
      <div className="relative">
        <ComboboxInput
          id={id}
          className={cn(controlClasses, "pe-10")}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required
          placeholder="Search touches by name or type…"
          displayValue={(t: TouchOption | null) => t?.name ?? ""}
          onChange={(event) => setQuery(event.target.value)}
          autoComplete="off"
        />
        <ComboboxButton
          className="absolute inset-y-0 end-0 px-3 text-ink-muted"
          aria-label="Show all touches"
        >
          <span aria-hidden="true">▾</span>
        </ComboboxButton>
        <ComboboxOptions className="absolute z-20 mt-1 max-h-80 w-full overflow-auto rounded-card border border-line bg-surface py-1 shadow-card empty:invisible">
          {shown.length === 0 ? (
            <p className="px-3 py-2 text-sm text-ink-muted">No touch matches “{query}”.</p>
          ) : (
            shown.map((touch) => (
              <ComboboxOption
                key={touch.id}
                value={touch}
                disabled={touch.unavailableReason !== null}
                className="flex cursor-pointer flex-col gap-0.5 px-3 py-2 text-sm data-disabled:cursor-not-allowed data-disabled:opacity-70 data-focus:bg-brand-50 data-selected:font-semibold"
              >
                <span className="flex flex-wrap items-center gap-2">
                  <span>{touch.name}</span>
                  <Badge tone={touch.kind === "egift" ? "info" : "neutral"}>
                    {touch.kind === "egift" ? "eGift" : "Physical"}
                  </Badge>
                  {touch.priceRange ? <span className="text-ink-muted">{touch.priceRange}</span> : null}
                  {touch.unavailableReason ? <Badge tone="warning">{touch.unavailableReason}</Badge> : null}
                </span>
                {touch.shipTo.length > 0 ? (
                  <span className="text-xs text-ink-muted">Ships to {touch.shipTo.join(", ")}</span>
                ) : null}
              </ComboboxOption>
            ))
          )}
        </ComboboxOptions>
      </div>
    </Combobox>
  );
}
