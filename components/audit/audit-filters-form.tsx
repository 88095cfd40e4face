"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useTransition } from "react";
import { DateRangeSizeFields } from "@/components/filters/date-range-size-fields";
import { filterSearchParams, useViewerTimeZone } from "@/components/filters/use-url-filters";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { AUDIT_ACTION_LABEL, AUDIT_ACTIONS } from "@/lib/audit/actions";
import { AUDIT_DEFAULT_PAGE_SIZE, AUDIT_PAGE_SIZES, type AuditPageParams } from "@/lib/audit/filters";

/**
 * A GET form: without JavaScript it submits to /admin/audit as is; with it, empty fields are dropped so
 * the URL stays short and shareable. Either way every filter lives in the URL, so Back undoes a change.
 */
export function AuditFiltersForm({ values }: { values: AuditPageParams }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const timeZone = useViewerTimeZone(values.tz);

  function submit(event: FormEvent<HTMLFormElement>) {
    const search = filterSearchParams(event);
    if (!search.has("from") && !search.has("to")) search.delete("tz");
    if (search.get("size") === String(AUDIT_DEFAULT_PAGE_SIZE)) search.delete("size");
    const query = search.toString();
    startTransition(() => router.push(query ? `/admin/audit?${query}` : "/admin/audit"));
  }

  return (
    <form
      method="get"
      action="/admin/audit"
      onSubmit={submit}
      aria-label="Filter the audit log"
      className="grid grid-cols-1 gap-4 rounded-card border border-line bg-white p-4 shadow-card sm:grid-cols-2 lg:grid-cols-4"
    >
      <Field id="audit-actor" label="Actor email">
        <Input
          id="audit-actor"
          name="actor"
          type="search"
          defaultValue={values.actor ?? ""}
          placeholder="Part of an email"
        />
      </Field>
      <Field id="audit-action" label="Action">
        <Select id="audit-action" name="action" defaultValue={values.action ?? ""}>
          <option value="">Any action</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {AUDIT_ACTION_LABEL[a]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="audit-target-type" label="Target type">
        <Input
          id="audit-target-type"
          name="targetType"
          defaultValue={values.targetType ?? ""}
          placeholder="e.g. send, user"
        />
      </Field>
      <Field id="audit-target-id" label="Target id">
        <Input id="audit-target-id" name="targetId" defaultValue={values.targetId ?? ""} />
      </Field>
      <DateRangeSizeFields
        idPrefix="audit"
        from={values.from}
        to={values.to}
        size={values.size}
        sizes={AUDIT_PAGE_SIZES}
        timeZone={timeZone}
      />
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" pending={pending} pendingLabel="Applying…">
          Apply filters
        </Button>
        <Link href="/admin/audit" className={buttonClasses({ variant: "secondary" })}>
          Clear
        </Link>
      </div>
    </form>
  );
}
