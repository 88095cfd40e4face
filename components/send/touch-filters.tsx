"use client";

import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { CardFilters } from "@/lib/touches/card-view";

type Props = {
  idPrefix: string;
  filters: CardFilters;
  onChange(filters: CardFilters): void;
  /** The price bands and tags the touches have, so no filter choice can only ever show nothing. */
  bands: { value: string; label: string }[];
  tags: string[];
};

const labelClass = "flex flex-col gap-1 text-sm font-medium";

/** Search, type, price and "good for" filters over the touch cards; plain labelled native controls. */
export function TouchFilters({ idPrefix, filters, onChange, bands, tags }: Props) {
  const set = (patch: Partial<CardFilters>) => onChange({ ...filters, ...patch });
  return (
    <fieldset className="grid gap-3 sm:grid-cols-4">
      <legend className="sr-only">Filter touches</legend>
      <label className={labelClass} htmlFor={`${idPrefix}-query`}>
        Search
        <Input
          id={`${idPrefix}-query`}
          type="search"
          autoComplete="off"
          placeholder="Name or description"
          value={filters.query}
          onChange={(e) => set({ query: e.target.value })}
        />
      </label>
      <label className={labelClass} htmlFor={`${idPrefix}-kind`}>
        Type
        <Select
          id={`${idPrefix}-kind`}
          value={filters.kind}
          onChange={(e) => set({ kind: e.target.value as CardFilters["kind"] })}
        >
          <option value="all">All types</option>
          <option value="egift">eGift</option>
          <option value="physical">Physical</option>
        </Select>
      </label>
      <label className={labelClass} htmlFor={`${idPrefix}-band`}>
        Price
        <Select
          id={`${idPrefix}-band`}
          value={filters.band}
          onChange={(e) => set({ band: e.target.value as CardFilters["band"] })}
        >
          <option value="all">Any price</option>
          {bands.map((b) => (
            <option key={b.value} value={b.value}>
              {b.label}
            </option>
          ))}
        </Select>
      </label>
      <label className={labelClass} htmlFor={`${idPrefix}-tag`}>
        Good for
        <Select id={`${idPrefix}-tag`} value={filters.tag} onChange={(e) => set({ tag: e.target.value })}>
          <option value="">Anything</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
      </label>
    </fieldset>
  );
}
