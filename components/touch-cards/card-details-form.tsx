"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { SettingsAction } from "@/components/spend/settings-outcome";
import { useSettingsForm } from "@/components/spend/use-settings-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import {
  DESCRIPTION_MAX,
  type TouchCardInput,
  type TouchCardValues,
  touchCardSchema,
} from "@/lib/validation/touch-cards";

export type CardFormInitial = {
  description: string;
  tags: string[];
  shipTo: string[];
  displayPrice: number | null;
};

type Props = {
  touchId: number;
  touchName: string;
  currency: string;
  initial: CardFormInitial;
  action: SettingsAction<TouchCardValues>;
};

/** A card's words, "good for" tags, ship-to countries and the price reps see. */
export function CardDetailsForm({ touchId, touchName, currency, initial, action }: Props) {
  const form = useForm<TouchCardInput, unknown, TouchCardValues>({
    resolver: zodResolver(touchCardSchema),
    defaultValues: {
      touchId,
      description: initial.description,
      tags: initial.tags.join(", "),
      shipTo: initial.shipTo.join(", "),
      displayPrice: initial.displayPrice === null ? "" : initial.displayPrice.toFixed(2),
    },
  });
  const { register, formState } = form;
  const { onSubmit, formError } = useSettingsForm(form, action, `Card for ${touchName} saved`);
  const id = (name: string) => `card-${touchId}-${name}`;
  const error = (name: keyof TouchCardInput) => formState.errors[name]?.message as string | undefined;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 sm:grid-cols-2"
      aria-label={`Card details for ${touchName}`}
    >
      {formError ? <Alert tone="danger" role="alert" title={formError} className="sm:col-span-2" /> : null}
      <Field
        id={id("description")}
        label="Short description"
        error={error("description")}
        description={`What a rep should know, in at most ${DESCRIPTION_MAX} characters.`}
        className="sm:col-span-2"
      >
        <Textarea
          rows={2}
          {...register("description")}
          {...fieldAria(id("description"), { error: error("description"), description: true })}
        />
      </Field>
      <Field
        id={id("tags")}
        label="Good for (tags)"
        error={error("tags")}
        description="Comma-separated, e.g. thank you, new customer, remote team."
      >
        <Input
          autoComplete="off"
          {...register("tags")}
          {...fieldAria(id("tags"), { error: error("tags"), description: true })}
        />
      </Field>
      <Field
        id={id("shipTo")}
        label="Ships to"
        error={error("shipTo")}
        description="Two-letter country codes; blank uses Sendoso's list."
      >
        <Input
          autoComplete="off"
          {...register("shipTo")}
          {...fieldAria(id("shipTo"), { error: error("shipTo"), description: true })}
        />
      </Field>
      <Field
        id={id("displayPrice")}
        label={`Price shown to reps (${currency})`}
        error={error("displayPrice")}
        description="Display only; budgets count the estimate set under Spend."
      >
        <Input
          inputMode="decimal"
          autoComplete="off"
          placeholder="Sendoso's price"
          {...register("displayPrice")}
          {...fieldAria(id("displayPrice"), { error: error("displayPrice"), description: true })}
        />
      </Field>
      <div className="flex items-end justify-end">
        <Button type="submit" pending={formState.isSubmitting} pendingLabel="Saving…">
          Save card
        </Button>
      </div>
    </form>
  );
}
