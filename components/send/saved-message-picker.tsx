"use client";

import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { TemplateOption } from "@/lib/messages/templates";
import type { SendForm } from "./form-types";

type Props = { form: SendForm; templates: TemplateOption[] };

/**
 * "Choose a saved message": the team's and the rep's own (Settings → Saved messages). Choosing one fills
 * the message field; a locked team message then stays read-only (the send action refuses an edit too).
 * Choosing "Write my own" keeps the text and makes it editable again.
 */
export function SavedMessagePicker({ form, templates }: Props) {
  if (templates.length === 0) return null;
  const { watch, setValue } = form;
  const chosen = String(watch("messageTemplateId") ?? "");
  const team = templates.filter((t) => t.team);
  const own = templates.filter((t) => !t.team);
  const choose = (id: string) => {
    setValue("messageTemplateId", id);
    const template = templates.find((t) => t.id === id);
    if (template) setValue("customMessage", template.body, { shouldValidate: true, shouldDirty: true });
  };
  const option = (t: TemplateOption) => (
    <option key={t.id} value={t.id}>
      {t.name}
      {t.locked ? " (locked)" : ""}
    </option>
  );
  return (
    <Field id="savedMessage" label="Saved message" className="sm:col-span-2">
      <Select id="savedMessage" value={chosen} onChange={(e) => choose(e.target.value)}>
        <option value="">Write my own</option>
        {team.length > 0 ? <optgroup label={`Team ${team[0]?.team}`}>{team.map(option)}</optgroup> : null}
        {own.length > 0 ? <optgroup label="Yours">{own.map(option)}</optgroup> : null}
      </Select>
    </Field>
  );
}
