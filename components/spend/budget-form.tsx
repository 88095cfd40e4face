"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { type BudgetInput, type BudgetValues, budgetSchema } from "@/lib/validation/spend";
import type { SettingsAction } from "./settings-outcome";
import { useSettingsForm } from "./use-settings-form";

export type PersonOption = { id: string; label: string };

type Props = {
  /** Prefixes every field id: several budget forms share the page. */
  idPrefix: string;
  teams: string[];
  reps: PersonOption[];
  currency: string;
  action: SettingsAction<BudgetValues>;
  initial?: BudgetInput;
  submitLabel: string;
  onSaved?: () => void;
};

const EMPTY: BudgetInput = {
  scope: "team",
  team: "",
  userId: "",
  period: "monthly",
  amount: "",
  overBudgetNeedsApproval: false,
};

/** Create or change one budget: a team's, or one rep's own. */
export function BudgetForm({
  idPrefix,
  teams,
  reps,
  currency,
  action,
  initial,
  submitLabel,
  onSaved,
}: Props) {
  const form = useForm<BudgetInput, unknown, BudgetValues>({
    resolver: zodResolver(budgetSchema),
    defaultValues: initial ?? EMPTY,
  });
  const { register, formState, watch, control } = form;
  const { onSubmit, formError } = useSettingsForm(form, action, "Budget saved", () => {
    if (!initial) form.reset(EMPTY);
    onSaved?.();
  });
  const id = (name: string) => `${idPrefix}-${name}`;
  const error = (name: keyof BudgetInput) => formState.errors[name]?.message as string | undefined;
  const scope = watch("scope");
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label={submitLabel}>
      {formError ? <Alert tone="danger" role="alert" title={formError} className="sm:col-span-2" /> : null}
      <Field id={id("scope")} label="Whose budget" error={error("scope")}>
        <Select {...register("scope")} {...fieldAria(id("scope"), { error: error("scope") })}>
          <option value="team">A team</option>
          <option value="rep">One rep</option>
        </Select>
      </Field>
      {scope === "rep" ? (
        <Field id={id("userId")} label="Rep" required error={error("userId")}>
          <Select {...register("userId")} {...fieldAria(id("userId"), { error: error("userId") })} required>
            <option value="">Choose a rep…</option>
            {reps.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Field id={id("team")} label="Team" required error={error("team")}>
          <Select {...register("team")} {...fieldAria(id("team"), { error: error("team") })} required>
            <option value="">Choose a team…</option>
            {teams.map((t) => (
              <option key={t} value={t}>
                Team {t}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field id={id("period")} label="Period" error={error("period")}>
        <Select {...register("period")} {...fieldAria(id("period"), { error: error("period") })}>
          <option value="monthly">Monthly</option>
          <option value="quarterly">Quarterly</option>
        </Select>
      </Field>
      <Field id={id("amount")} label={`Amount (${currency})`} required error={error("amount")}>
        <Input
          inputMode="decimal"
          autoComplete="off"
          {...register("amount")}
          {...fieldAria(id("amount"), { error: error("amount") })}
          required
        />
      </Field>
      <Controller
        control={control}
        name="overBudgetNeedsApproval"
        render={({ field }) => (
          <Checkbox
            id={id("overBudgetNeedsApproval")}
            checked={field.value === true}
            onCheckedChange={field.onChange}
            label="Over budget: ask an approver instead of refusing"
            description="Off: a gift that does not fit is refused. On: it waits for a manager, reserving nothing."
            className="sm:col-span-2"
          />
        )}
      />
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" pending={formState.isSubmitting} pendingLabel="Saving…">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
