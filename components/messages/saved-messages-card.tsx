"use client";

import { useState } from "react";
import { RemoveButton } from "@/components/spend/remove-button";
import type { SettingsAction } from "@/components/spend/settings-outcome";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TemplateOption } from "@/lib/messages/templates";
import type { MessageTemplateValues } from "@/lib/validation/messages";
import { TemplateForm } from "./template-form";
import { TemplatePreview } from "./template-preview";

type Props = {
  templates: TemplateOption[];
  /** Teams this user may write messages for (see TemplateForm). */
  teams: string[];
  save: SettingsAction<MessageTemplateValues>;
  remove: SettingsAction<{ id: string }>;
};

/** Settings: the saved messages this user may change, and a form for a new one. */
export function SavedMessagesCard({ templates, teams, save, remove }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Card aria-labelledby="saved-messages-title">
      <CardHeader>
        <CardTitle id="saved-messages-title">Saved messages</CardTitle>
        <CardDescription>
          Choose them from the send form instead of typing the same note again.
          {teams.length > 0 ? " Team messages are offered to everyone in the team." : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        {templates.length === 0 ? <p className="text-sm text-ink-muted">No saved messages yet.</p> : null}
        <ul className="flex flex-col divide-y divide-line">
          {templates.map((t) => (
            <li key={t.id} className="flex flex-col gap-3 py-4" data-testid="template-row">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-semibold">{t.name}</h3>
                <Badge tone={t.team ? "info" : "neutral"}>{t.team ? `Team ${t.team}` : "Yours"}</Badge>
                {t.locked ? <Badge tone="warning">Locked</Badge> : null}
                <span className="ms-auto flex gap-2">
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={`Edit ${t.name}`}
                    aria-expanded={editing === t.id}
                    onClick={() => setEditing(editing === t.id ? null : t.id)}
                  >
                    {editing === t.id ? "Close" : "Edit"}
                  </Button>
                  <RemoveButton
                    action={remove}
                    input={{ id: t.id }}
                    label={`Remove ${t.name}`}
                    done="Message removed"
                  />
                </span>
              </div>
              {editing === t.id ? (
                <TemplateForm
                  idPrefix={`edit-${t.id}`}
                  teams={teams}
                  action={save}
                  initial={{
                    id: t.id,
                    scope: t.team ? "team" : "personal",
                    team: t.team ?? "",
                    name: t.name,
                    body: t.body,
                    locked: t.locked,
                  }}
                  submitLabel={`Save ${t.name}`}
                  onSaved={() => setEditing(null)}
                />
              ) : (
                <TemplatePreview body={t.body} testId="template-preview" />
              )}
            </li>
          ))}
        </ul>
        <section aria-labelledby="new-template-title" className="flex flex-col gap-3">
          <h3 id="new-template-title" className="font-semibold">
            New message
          </h3>
          <TemplateForm idPrefix="new-template" teams={teams} action={save} submitLabel="Save message" />
        </section>
      </CardContent>
    </Card>
  );
}
