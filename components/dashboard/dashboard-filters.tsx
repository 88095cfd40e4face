"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { filterSearchParams, useViewerTimeZone } from "@/components/filters/use-url-filters";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Props = { from?: string; to?: string; team?: string; days: number; teams: string[] };

/** Period, team (admins) and "waiting more than N days"; all in the URL, like the history filters. */
export function DashboardFilters({ from, to, team, days, teams }: Props) {
  const router = useRouter();
  const timeZone = useViewerTimeZone();

  function submit(event: FormEvent<HTMLFormElement>) {
    router.push(`/dashboard?${filterSearchParams(event).toString()}`);
  }

  return (
    <form
      method="get"
      action="/dashboard"
      onSubmit={submit}
      aria-label="Dashboard period and team"
      className="grid grid-cols-1 gap-4 rounded-card border border-line bg-white p-4 shadow-card sm:grid-cols-2 lg:grid-cols-5"
    >
      <Field id="dash-from" label="From">
        <Input id="dash-from" name="from" type="date" defaultValue={from ?? ""} />
      </Field>
      <Field id="dash-to" label="To">
        <Input id="dash-to" name="to" type="date" defaultValue={to ?? ""} />
      </Field>
      {teams.length > 0 ? (
        <Field id="dash-team" label="Team">
          <Select id="dash-team" name="team" defaultValue={team ?? ""}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field id="dash-days" label="Waiting more than (days)">
        <Input id="dash-days" name="days" type="number" min={1} max={365} defaultValue={days} />
      </Field>
      <input type="hidden" name="tz" value={timeZone} />
      <div className="flex items-end">
        <Button type="submit">Show</Button>
      </div>
    </form>
  );
}
