"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import {
  type TouchEstimateInput,
  type TouchEstimateValues,
  touchEstimateSchema,
} from "@/lib/validation/spend";
import type { SettingsAction } from "./settings-outcome";
import { useSettingsForm } from "./use-settings-form";

type Props = {
  touchId: number;
  touchName: string;
  currency: string;
  current: number | null;
  action: SettingsAction<TouchEstimateValues>;
};

/** The admin's estimate for one physical touch, inline in the touch table. */
export function EstimateForm({ touchId, touchName, currency, current, action }: Props) {
  const form = useForm<TouchEstimateInput, unknown, TouchEstimateValues>({
    resolver: zodResolver(touchEstimateSchema),
    defaultValues: { touchId, amount: current === null ? "" : current.toFixed(2) },
  });
  const { register, formState } = form;
  const { onSubmit, formError } = useSettingsForm(form, action, `Estimate for ${touchName} saved`);
  const id = `estimate-${touchId}`;
  const error = (formState.errors.amount?.message as string | undefined) ?? formError ?? undefined;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-1"
      aria-label={`Estimate for ${touchName}`}
    >
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          Estimated cost of {touchName} ({currency})
        </label>
        <Input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          placeholder="No estimate"
          className="w-32"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...register("amount")}
        />
        <Button
          type="submit"
          size="sm"
          variant="secondary"
          pending={formState.isSubmitting}
          pendingLabel="Saving…"
        >
          Save
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="flex items-start gap-1.5 text-sm font-medium text-danger">
          <Icon name="danger" className="mt-0.5" />
          <span>{error}</span>
        </p>
      ) : null}
    </form>
  );
}
