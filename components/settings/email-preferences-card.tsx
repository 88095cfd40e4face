"use client";

import { type FormEvent, useState, useTransition } from "react";
import { saveEmailPreferencesAction } from "@/app/(app)/settings/notification-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import type { NotificationCategory } from "@/lib/db/schema";

export type EmailPreferenceRow = {
  category: NotificationCategory;
  label: string;
  description: string;
  email: boolean;
};

type Props = { rows: EmailPreferenceRow[]; emailConfigured: boolean };

/** Which notifications also come by email. The inbox always gets every notification. */
export function EmailPreferencesCard({ rows, emailConfigured }: Props) {
  const [checked, setChecked] = useState(() => new Map(rows.map((r) => [r.category, r.email])));
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const off = rows.filter((r) => checked.get(r.category) === false).map((r) => r.category);
    startTransition(async () => {
      const result = await saveEmailPreferencesAction({ off });
      setStatus(
        result.ok
          ? { ok: true, text: "Email preferences saved." }
          : { ok: false, text: result.formError ?? "Nothing was saved; try again." },
      );
    });
  }

  return (
    <Card id="email-notifications" data-testid="email-preferences">
      <form onSubmit={submit} aria-labelledby="email-notifications-title">
        <CardHeader>
          <CardTitle id="email-notifications-title">Email notifications</CardTitle>
          <CardDescription>
            Every notification appears under the bell. Choose which ones also come to you by email.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {emailConfigured ? null : (
            <Alert
              tone="info"
              title="Email is not set up on this Gift Desk yet, so notifications only appear under the bell."
            >
              Your choices are kept and apply once email is set up.
            </Alert>
          )}
          <fieldset className="flex flex-col gap-4">
            <legend className="sr-only">Send me an email for</legend>
            {rows.map((row) => (
              <Checkbox
                key={row.category}
                id={`email-${row.category}`}
                label={row.label}
                description={row.description}
                checked={checked.get(row.category) ?? true}
                onCheckedChange={(value) => {
                  setStatus(undefined);
                  setChecked((previous) => new Map(previous).set(row.category, value));
                }}
              />
            ))}
          </fieldset>
        </CardContent>
        <CardFooter className="justify-between">
          <p
            role="status"
            data-testid="email-preferences-status"
            className={status?.ok === false ? "text-sm font-medium text-danger" : "text-sm text-ink-muted"}
          >
            {status?.text ?? ""}
          </p>
          <Button type="submit" pending={pending} pendingLabel="Saving…">
            Save email preferences
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
