"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { DateRangeSizeFields } from "@/components/filters/date-range-size-fields";
import { filterSearchParams, useViewerTimeZone } from "@/components/filters/use-url-filters";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { SendState, SendType } from "@/lib/db/schema";
import type { HistoryPageParams } from "@/lib/sends/filters";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "@/lib/sends/filters-shared";
import type { FilterOptions } from "@/lib/sends/history-options";
import { STATUS_BUCKETS } from "@/lib/sends/status-buckets";
import { BUCKET_LABEL, SEND_TYPE_LABEL, STATE_LABEL } from "./labels";

// Value imports from lib/db/schema would pull Drizzle into the browser bundle.
const SEND_STATES = Object.keys(STATE_LABEL) as SendState[];
const SEND_TYPES = Object.keys(SEND_TYPE_LABEL) as SendType[];

type Props = { values: HistoryPageParams; options: FilterOptions; showRep: boolean };

/**
 * A GET form: without JavaScript it submits to /history as is; with it, empty fields are dropped so the
 * URL stays short and shareable. Either way every filter lives in the URL, so Back undoes a change.
 */
export function HistoryFiltersForm({ values, options, showRep }: Props) {
  const router = useRouter();
  const timeZone = useViewerTimeZone(values.tz);

  function submit(event: FormEvent<HTMLFormElement>) {
    const search = filterSearchParams(event);
    if (!search.has("from") && !search.has("to")) search.delete("tz");
    if (search.get("size") === String(DEFAULT_PAGE_SIZE)) search.delete("size");
    const query = search.toString();
    router.push(query ? `/history?${query}` : "/history");
  }

  return (
    <form
      method="get"
      action="/history"
      onSubmit={submit}
      aria-label="Filter sends"
      className="grid grid-cols-1 gap-4 rounded-card border border-line bg-white p-4 shadow-card sm:grid-cols-2 lg:grid-cols-4"
    >
      <Field id="filter-q" label="Search recipients" className="sm:col-span-2">
        <Input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={values.q ?? ""}
          placeholder="Name, email or company"
        />
      </Field>
      {showRep ? (
        <Field id="filter-rep" label="Rep">
          <Select id="filter-rep" name="rep" defaultValue={values.rep ?? ""}>
            <option value="">All reps</option>
            {options.reps.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {options.teams.length > 0 ? (
        <Field id="filter-team" label="Team">
          <Select id="filter-team" name="team" defaultValue={values.team ?? ""}>
            <option value="">All teams</option>
            {options.teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field id="filter-bucket" label="Status">
        <Select id="filter-bucket" name="bucket" defaultValue={values.bucket ?? ""}>
          <option value="">Any status</option>
          {STATUS_BUCKETS.map((b) => (
            <option key={b} value={b}>
              {BUCKET_LABEL[b]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="filter-state" label="Our state">
        <Select id="filter-state" name="state" defaultValue={values.state ?? ""}>
          <option value="">Any state</option>
          {SEND_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABEL[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="filter-touch" label="Touch">
        <Select id="filter-touch" name="touch" defaultValue={values.touch ? String(values.touch) : ""}>
          <option value="">Any touch</option>
          {options.touches.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="filter-type" label="Send type">
        <Select id="filter-type" name="type" defaultValue={values.type ?? ""}>
          <option value="">Any type</option>
          {SEND_TYPES.map((t) => (
            <option key={t} value={t}>
              {SEND_TYPE_LABEL[t]}
            </option>
          ))}
        </Select>
      </Field>
      <DateRangeSizeFields
        idPrefix="filter"
        from={values.from}
        to={values.to}
        size={values.size}
        sizes={PAGE_SIZES}
        timeZone={timeZone}
      />
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit">Apply filters</Button>
        <Link href="/history" className={buttonClasses({ variant: "secondary" })}>
          Clear
        </Link>
      </div>
    </form>
  );
}
