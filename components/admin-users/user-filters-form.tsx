import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ROLE_SOURCES, ROLES } from "@/lib/db/schema";
import type { UserFilters } from "@/lib/validation/admin-users";
import { ROLE_LABEL, ROLE_SOURCE_LABEL } from "./labels";

/** A plain GET form: every filter lives in the URL, so it works without JavaScript and Back undoes it. */
export function UserFiltersForm({ values }: { values: UserFilters }) {
  return (
    <form
      method="get"
      action="/admin/users"
      aria-label="Filter users"
      className="grid grid-cols-1 gap-4 rounded-card border border-line bg-white p-4 shadow-card sm:grid-cols-2 lg:grid-cols-5"
    >
      <Field id="users-q" label="Search">
        <Input
          id="users-q"
          name="q"
          type="search"
          defaultValue={values.q ?? ""}
          placeholder="Name or email"
        />
      </Field>
      <Field id="users-role" label="Role">
        <Select id="users-role" name="role" defaultValue={values.role ?? ""}>
          <option value="">Any role</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="users-team" label="Team">
        <Input id="users-team" name="team" defaultValue={values.team ?? ""} placeholder="e.g. a" />
      </Field>
      <Field id="users-state" label="State">
        <Select id="users-state" name="state" defaultValue={values.state ?? ""}>
          <option value="">Active and suspended</option>
          <option value="active">Active</option>
          <option value="suspended">Suspended</option>
        </Select>
      </Field>
      <Field id="users-source" label="Role source">
        <Select id="users-source" name="source" defaultValue={values.source ?? ""}>
          <option value="">Any source</option>
          {ROLE_SOURCES.map((s) => (
            <option key={s} value={s}>
              {ROLE_SOURCE_LABEL[s]}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-5">
        <button type="submit" className={buttonClasses({})}>
          Apply filters
        </button>
        <Link href="/admin/users" className={buttonClasses({ variant: "ghost" })}>
          Clear
        </Link>
      </div>
    </form>
  );
}
