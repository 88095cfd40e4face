"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { assignRoleAction } from "@/app/(app)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import type { Role } from "@/lib/db/schema";
import { ROLE_CHOICES as ROLES } from "@/lib/validation/roles";
import { ROLE_LABEL } from "./labels";

/** AUTH_ROLE_SOURCE=app only: an admin sets role and team; it applies from the user's next request. */
export function RoleForm({
  userId,
  email,
  role,
  team,
}: {
  userId: string;
  email: string;
  role: Role;
  team: string | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const id = `role-${userId}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await assignRoleAction({ userId, role: form.get("role"), team: form.get("team") ?? "" });
      if (result.ok && result.data.status === "done") {
        setError(undefined);
        toast.success(`${email}'s role is saved.`);
        router.refresh();
        return;
      }
      setError(
        result.ok
          ? result.data.status === "refused"
            ? result.data.message
            : undefined
          : (result.fieldErrors?.team?.[0] ?? result.formError),
      );
    });
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-center gap-2"
      aria-label={`Role of ${email}`}
      noValidate
    >
      <label htmlFor={`${id}-role`} className="sr-only">
        Role
      </label>
      <Select id={`${id}-role`} name="role" defaultValue={role} className="w-28">
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABEL[r]}
          </option>
        ))}
      </Select>
      <label htmlFor={`${id}-team`} className="sr-only">
        Team
      </label>
      <Input
        id={`${id}-team`}
        name="team"
        defaultValue={team ?? ""}
        placeholder="team"
        className="w-24"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <Button type="submit" size="sm" variant="secondary" pending={pending} pendingLabel="Saving…">
        Save
      </Button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="w-full text-sm text-danger-strong">
          {error}
        </p>
      ) : null}
    </form>
  );
}
