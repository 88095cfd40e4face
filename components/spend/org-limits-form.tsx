"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, fieldAria } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { type OrgLimitsInput, type OrgLimitsValues, orgLimitsSchema } from "@/lib/validation/spend";
import { OptionalMoneyField } from "./optional-money-field";
import type { SettingsAction } from "./settings-outcome";
import { useSettingsForm } from "./use-settings-form";

type Props = { currency: string; initial: OrgLimitsInput; action: SettingsAction<OrgLimitsValues> };

const AMOUNTS = [
  ["budgetAmount", "Organisation budget"],
  ["dailyCapPerRep", "Daily cap per rep"],
  ["dailyCapTotal", "Daily cap for everyone"],
] as const;

/** The org-wide budget and daily caps; a blank amount means no such limit. */
export function OrgLimitsForm({ currency, initial, action }: Props) {
  const form = useForm<OrgLimitsInput, unknown, OrgLimitsValues>({
    resolver: zodResolver(orgLimitsSchema),
    defaultValues: initial,
  });
  const { register, formState, control } = form;
  const { onSubmit, formError } = useSettingsForm(form, action, "Org-wide limits saved");
  const id = (name: string) => `org-limits-${name}`;
  const error = (name: keyof OrgLimitsInput) => formState.errors[name]?.message as string | undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Org-wide limits">
      {formError ? <Alert tone="danger" role="alert" title={formError} className="sm:col-span-2" /> : null}
      {AMOUNTS.map(([name, label]) => (
        <OptionalMoneyField
          key={name}
          id={id(name)}
          label={`${label} (${currency})`}
          blankMeans="no limit"
          error={error(name)}
          registration={register(name)}
        />
      ))}
      <Field id={id("budgetPeriod")} label="Organisation budget period" error={error("budgetPeriod")}>
        <Select
          {...register("budgetPeriod")}
          {...fieldAria(id("budgetPeriod"), { error: error("budgetPeriod") })}
        >
          <option value="monthly">Monthly</option>
          <option value="quarterly">Quarterly</option>
        </Select>
      </Field>
      <Controller
        control={control}
        name="overLimitNeedsApproval"
        render={({ field }) => (
          <Checkbox
            id={id("overLimitNeedsApproval")}
            checked={field.value === true}
            onCheckedChange={field.onChange}
            label="Over a limit: ask an approver instead of refusing"
            description="Off: a gift that does not fit is refused. On: it waits for approval, reserving nothing."
            className="sm:col-span-2"
          />
        )}
      />
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" pending={formState.isSubmitting} pendingLabel="Saving…">
          Save org-wide limits
        </Button>
      </div>
    </form>
  );
}
