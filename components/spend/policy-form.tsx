"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  type ApprovalPolicyInput,
  type ApprovalPolicyValues,
  approvalPolicySchema,
} from "@/lib/validation/spend";
import type { PersonOption } from "./budget-form";
import type { SettingsAction } from "./settings-outcome";
import { useSettingsForm } from "./use-settings-form";

type Props = {
  team: string;
  approvers: PersonOption[];
  currency: string;
  initial: ApprovalPolicyInput | null;
  action: SettingsAction<ApprovalPolicyValues>;
};

/** One team's approval rule: gifts estimated above the threshold wait for an approver. */
export function PolicyForm({ team, approvers, currency, initial, action }: Props) {
  const form = useForm<ApprovalPolicyInput, unknown, ApprovalPolicyValues>({
    resolver: zodResolver(approvalPolicySchema),
    defaultValues: initial ?? { team, threshold: "", fallbackApproverId: "", remindAfterHours: "24" },
  });
  const { register, formState } = form;
  const { onSubmit, formError } = useSettingsForm(form, action, `Approval rule for team ${team} saved`);
  const id = (name: string) => `policy-${team}-${name}`;
  const error = (name: keyof ApprovalPolicyInput) => formState.errors[name]?.message as string | undefined;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 sm:grid-cols-3"
      aria-label={`Approval rule for team ${team}`}
    >
      {formError ? <Alert tone="danger" role="alert" title={formError} className="sm:col-span-3" /> : null}
      <input type="hidden" {...register("team")} />
      <Field
        id={id("threshold")}
        label={`Approval above (${currency})`}
        required
        error={error("threshold") ?? (formState.errors.team?.message as string | undefined)}
      >
        <Input
          inputMode="decimal"
          autoComplete="off"
          {...register("threshold")}
          {...fieldAria(id("threshold"), { error: error("threshold") })}
          required
        />
      </Field>
      <Field id={id("fallbackApproverId")} label="Fallback approver" error={error("fallbackApproverId")}>
        <Select
          {...register("fallbackApproverId")}
          {...fieldAria(id("fallbackApproverId"), { error: error("fallbackApproverId") })}
        >
          <option value="">None (the team's managers)</option>
          {approvers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id={id("remindAfterHours")}
        label="Remind approvers after (hours)"
        required
        error={error("remindAfterHours")}
      >
        <Input
          inputMode="numeric"
          autoComplete="off"
          {...register("remindAfterHours")}
          {...fieldAria(id("remindAfterHours"), { error: error("remindAfterHours") })}
          required
        />
      </Field>
      <div className="flex justify-end sm:col-span-3">
        <Button type="submit" pending={formState.isSubmitting} pendingLabel="Saving…">
          Save rule
        </Button>
      </div>
    </form>
  );
}
