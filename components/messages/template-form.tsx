"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import type { SettingsAction } from "@/components/spend/settings-outcome";
import { useSettingsForm } from "@/components/spend/use-settings-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import {
  type MessageTemplateInput,
  type MessageTemplateValues,
  messageTemplateSchema,
} from "@/lib/validation/messages";
import { TemplatePreview } from "./template-preview";

type Props = {
  idPrefix: string;
  /** Teams this user may write messages for: none for a rep, their own for a manager, all for an admin. */
  teams: string[];
  action: SettingsAction<MessageTemplateValues>;
  initial?: MessageTemplateInput;
  submitLabel: string;
  onSaved?: () => void;
};

const EMPTY: MessageTemplateInput = { scope: "personal", team: "", name: "", body: "", locked: false };

/** Create or change one saved message, with the exact text it becomes for a sample recipient. */
export function TemplateForm({ idPrefix, teams, action, initial, submitLabel, onSaved }: Props) {
  const form = useForm<MessageTemplateInput, unknown, MessageTemplateValues>({
    resolver: zodResolver(messageTemplateSchema),
    defaultValues: initial ?? { ...EMPTY, team: teams[0] ?? "" },
  });
  const { register, formState, watch, control } = form;
  const { onSubmit, formError } = useSettingsForm(form, action, "Message saved", () => {
    if (!initial) form.reset({ ...EMPTY, team: teams[0] ?? "" });
    onSaved?.();
  });
  const id = (name: string) => `${idPrefix}-${name}`;
  const error = (name: keyof MessageTemplateInput) => formState.errors[name]?.message as string | undefined;
  const scope = watch("scope");
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label={submitLabel}>
      {formError ? <Alert tone="danger" role="alert" title={formError} className="sm:col-span-2" /> : null}
      <Field id={id("name")} label="Name" required error={error("name")}>
        <Input
          autoComplete="off"
          {...register("name")}
          {...fieldAria(id("name"), { error: error("name") })}
        />
      </Field>
      {teams.length > 0 ? (
        <Field id={id("scope")} label="Whose message" error={error("scope")}>
          <Select {...register("scope")} {...fieldAria(id("scope"), { error: error("scope") })}>
            <option value="personal">Just mine</option>
            <option value="team">My team's</option>
          </Select>
        </Field>
      ) : null}
      {scope === "team" && teams.length > 1 ? (
        <Field id={id("team")} label="Team" required error={error("team")}>
          <Select {...register("team")} {...fieldAria(id("team"), { error: error("team") })}>
            {teams.map((t) => (
              <option key={t} value={t}>
                Team {t}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field
        id={id("body")}
        label="Message"
        required
        error={error("body")}
        description={
          <>
            Use {"{first_name}"}, {"{last_name}"} or {"{company}"} to personalise it.
          </>
        }
        className="sm:col-span-2"
      >
        <Textarea
          rows={4}
          {...register("body")}
          {...fieldAria(id("body"), { error: error("body"), description: true })}
          required
        />
      </Field>
      <div className="sm:col-span-2">
        <TemplatePreview body={String(watch("body") ?? "")} testId={`${idPrefix}-preview`} />
      </div>
      {scope === "team" ? (
        <Controller
          control={control}
          name="locked"
          render={({ field }) => (
            <Checkbox
              id={id("locked")}
              checked={field.value === true}
              onCheckedChange={field.onChange}
              label="Locked: reps send it exactly as written"
              description="Reps can choose it but not change a word; the names and company are still filled in."
              className="sm:col-span-2"
            />
          )}
        />
      ) : null}
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" pending={formState.isSubmitting} pendingLabel="Saving…">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
