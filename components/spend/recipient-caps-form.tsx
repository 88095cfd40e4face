"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RadioGroup } from "@/components/ui/radio-group";
import {
  type RecipientCapsInput,
  type RecipientCapsValues,
  recipientCapsSchema,
} from "@/lib/validation/spend";
import { OptionalMoneyField } from "./optional-money-field";
import type { SettingsAction } from "./settings-outcome";
import { useSettingsForm } from "./use-settings-form";

type Props = { currency: string; initial: RecipientCapsInput; action: SettingsAction<RecipientCapsValues> };

const AMOUNTS = [
  ["perEmailYearly", "Yearly cap per recipient email"],
  ["perDomainYearly", "Yearly cap per recipient domain"],
] as const;

const OVER_CAP = [
  { value: "refuse", label: "Refuse the gift", description: "The rep is told the cap and what is used." },
  {
    value: "approve",
    label: "Ask an approver",
    description: "The gift waits for a manager's approval, reserving nothing until approved.",
  },
];

/** The per-recipient yearly caps (gift-policy compliance); a blank amount means no such cap. */
export function RecipientCapsForm({ currency, initial, action }: Props) {
  const form = useForm<RecipientCapsInput, unknown, RecipientCapsValues>({
    resolver: zodResolver(recipientCapsSchema),
    defaultValues: initial,
  });
  const { register, formState, control } = form;
  const { onSubmit, formError } = useSettingsForm(form, action, "Recipient caps saved");
  const id = (name: string) => `recipient-caps-${name}`;
  const error = (name: keyof RecipientCapsInput) => formState.errors[name]?.message as string | undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Recipient caps">
      {formError ? <Alert tone="danger" role="alert" title={formError} className="sm:col-span-2" /> : null}
      {AMOUNTS.map(([name, label]) => (
        <OptionalMoneyField
          key={name}
          id={id(name)}
          label={`${label} (${currency})`}
          blankMeans="no cap"
          error={error(name)}
          registration={register(name)}
        />
      ))}
      <fieldset className="flex flex-col gap-2 sm:col-span-2">
        <legend id={id("overCap-legend")} className="mb-2 text-sm font-medium">
          Over a cap
        </legend>
        <Controller
          control={control}
          name="overCap"
          render={({ field }) => (
            <RadioGroup
              name={field.name}
              value={field.value}
              onValueChange={field.onChange}
              options={OVER_CAP}
              idPrefix={id("overCap")}
              aria-labelledby={id("overCap-legend")}
            />
          )}
        />
      </fieldset>
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" pending={formState.isSubmitting} pendingLabel="Saving…">
          Save recipient caps
        </Button>
      </div>
    </form>
  );
}
