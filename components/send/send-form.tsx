"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Controller, useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { RadioGroup } from "@/components/ui/radio-group";
import type { TemplateOption } from "@/lib/messages/templates";
import type { TouchOption } from "@/lib/sends/touch-options";
import type { MeterView } from "@/lib/spend/meter-view";
import {
  DEFAULT_CONFIRMATION_MESSAGE,
  type SendGiftInput,
  type SendGiftValues,
  sendGiftSchema,
} from "@/lib/validation/send";
import { BudgetPanel } from "./budget-panel";
import { DeliveryOptions } from "./delivery-options";
import { errorFor } from "./form-types";
import { KnownAddressFields } from "./known-address-fields";
import { RepeatRecipientDialog } from "./lazy-repeat-recipient-dialog";
import { MessageField } from "./message-field";
import { RecipientFields } from "./recipient-fields";
import { RecipientGlance } from "./recipient-glance";
import { SendOutcomePanel } from "./send-outcome";
import { TouchPicker } from "./touch-picker";
import { draftKeyFor, useFormDraft } from "./use-form-draft";
import { type SendGiftAction, useSendGift } from "./use-send-gift";
import { useTouches } from "./use-touches";

export type SendPrefill = { name?: string; email?: string; company?: string; touchId?: number };

type Props = {
  touches: TouchOption[];
  idempotencyKey: string;
  action: SendGiftAction;
  prefill: SendPrefill;
  /** The budgets this rep's gifts count against, as of this render. */
  meters: MeterView[];
  /** Saved messages the rep may choose (their team's and their own). */
  templates?: TemplateOption[];
};

const PHYSICAL_METHODS = [
  {
    value: "address_collection",
    label: "The recipient confirms their address",
    description: "Sendoso asks them by email or link.",
  },
  {
    value: "known_address",
    label: "I have their address",
    description: "Ships straight to the address you enter.",
  },
];

export function SendForm({
  touches: initialTouches,
  idempotencyKey,
  action,
  prefill,
  meters,
  templates = [],
}: Props) {
  const router = useRouter();
  const { data: touches } = useTouches(initialTouches);
  const prefilledTouch = touches.find((t) => t.id === prefill.touchId && !t.unavailableReason);
  const form = useForm<SendGiftInput, unknown, SendGiftValues>({
    resolver: zodResolver(sendGiftSchema),
    defaultValues: {
      sendType: prefilledTouch?.kind === "egift" ? "egift" : "address_collection",
      idempotencyKey,
      touchId: prefilledTouch?.id ?? "",
      recipientName: prefill.name ?? "",
      recipientEmail: prefill.email ?? "",
      recipientCompany: prefill.company ?? "",
      customMessage: "",
      messageTemplateId: "",
      confirmRepeatRecipient: false,
      addressConfirmationVia: "email",
      expireAfterDays: 5,
      resumeWithUnconfirmedAddress: false,
      hideProductInfo: true,
      addressConfirmationMessage: DEFAULT_CONFIRMATION_MESSAGE,
    } as SendGiftInput,
  });
  useFormDraft(form, draftKeyFor(prefill));
  const { submit, formError, budgetRefusal, outcome, startOver, priorSends, confirmRepeat, dismissRepeat } =
    useSendGift(form, action);
  const { control, formState, watch, setValue } = form;
  const sendType = watch("sendType");
  const touch = touches.find((t) => t.id === Number(watch("touchId")));

  // The touch decides the family of send: eGifts go by email; physical gifts pick a method.
  useEffect(() => {
    if (touch?.kind === "egift" && sendType !== "egift") setValue("sendType", "egift");
    if (touch?.kind === "physical" && sendType === "egift") setValue("sendType", "address_collection");
  }, [touch?.kind, sendType, setValue]);

  if (outcome) {
    // A new form reads the budget meters again: this gift has just changed them.
    const sendAnother = () => {
      startOver();
      router.refresh();
    };
    return <SendOutcomePanel outcome={outcome} onSendAnother={sendAnother} />;
  }
  const touchError = errorFor(formState.errors, "touchId");

  return (
    <form onSubmit={submit} noValidate aria-labelledby="send-form-title" className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle id="send-form-title">Gift and recipient</CardTitle>
          <CardDescription>Pick a touch, then tell us who it is for.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5 sm:grid-cols-2">
          {/* A radio group of cards is named by a legend, not a <label>; the error sits under it. */}
          <fieldset className="flex flex-col gap-1.5 sm:col-span-2">
            <legend id="touchId-label" className="mb-1.5 text-sm font-medium text-ink">
              Touch
              <span aria-hidden="true" className="ms-0.5 text-danger">
                *
              </span>
            </legend>
            <Controller
              control={control}
              name="touchId"
              render={({ field }) => (
                <TouchPicker
                  id="touchId"
                  labelledBy="touchId-label"
                  touches={touches}
                  value={Number(field.value) || null}
                  onChange={(t) => field.onChange(t?.id ?? "")}
                  describedBy={touchError ? "touchId-error" : undefined}
                  invalid={Boolean(touchError)}
                  inputRef={field.ref}
                />
              )}
            />
            {touchError ? (
              <p
                id="touchId-error"
                data-testid="touchId-error"
                className="flex items-start gap-1.5 text-sm font-medium text-danger"
              >
                <Icon name="danger" className="mt-0.5" />
                <span>{touchError}</span>
              </p>
            ) : null}
          </fieldset>
          {touch?.kind === "physical" ? (
            <fieldset className="flex flex-col gap-2 sm:col-span-2">
              <legend id="method-legend" className="mb-2 text-sm font-medium">
                Shipping address
              </legend>
              <RadioGroup
                name="sendType"
                value={String(sendType)}
                onValueChange={(v) => setValue("sendType", v as "address_collection" | "known_address")}
                options={PHYSICAL_METHODS}
                idPrefix="method"
                aria-labelledby="method-legend"
              />
            </fieldset>
          ) : null}
          <RecipientFields form={form} nameRequired={sendType !== "egift"} />
          <RecipientGlance form={form} />
          <MessageField form={form} templates={templates} />
        </CardContent>
      </Card>
      <BudgetPanel meters={meters} touch={touch} refusal={budgetRefusal} />
      {sendType === "address_collection" ? <DeliveryOptions form={form} /> : null}
      {sendType === "known_address" ? <KnownAddressFields form={form} /> : null}
      {sendType === "egift" ? (
        <Alert tone="info" title="Sendoso emails the eGift">
          The recipient gets an email from Sendoso with your message and a link to redeem the gift.
        </Alert>
      ) : null}
      {formError ? (
        <Alert tone={formError.tone} role="alert" title={formError.title}>
          <span data-testid="form-error">{formError.message}</span>
        </Alert>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" pending={formState.isSubmitting} pendingLabel="Sending…">
          Send gift
        </Button>
      </div>
      <RepeatRecipientDialog
        priorSends={priorSends}
        email={String(watch("recipientEmail") ?? "")}
        onConfirm={confirmRepeat}
        onCancel={dismissRepeat}
        pending={formState.isSubmitting}
      />
    </form>
  );
}
