"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import {
  CUSTOM_MESSAGE_MAX,
  DEFAULT_CONFIRMATION_MESSAGE,
  type SendGiftInput,
  type SendGiftValues,
  sendGiftSchema,
} from "@/lib/validation/send";
import { DeliveryOptions } from "./delivery-options";
import { SendOutcomePanel } from "./send-outcome";
import { type SendGiftAction, useSendGift } from "./use-send-gift";

export type TouchOption = { id: number; name: string; description: string };

type Props = { touches: TouchOption[]; idempotencyKey: string; action: SendGiftAction };

export function SendForm({ touches, idempotencyKey, action }: Props) {
  const form = useForm<SendGiftInput, unknown, SendGiftValues>({
    resolver: zodResolver(sendGiftSchema),
    defaultValues: {
      idempotencyKey,
      touchId: "",
      recipientName: "",
      recipientEmail: "",
      customMessage: "",
      addressConfirmationVia: "email",
      expireAfterDays: 5,
      resumeWithUnconfirmedAddress: false,
      hideProductInfo: true,
      addressConfirmationMessage: DEFAULT_CONFIRMATION_MESSAGE,
    },
  });
  const { submit, formError, outcome, startOver } = useSendGift(form, action);
  const { register, formState, watch } = form;
  const errors = formState.errors;
  const messageLength = String(watch("customMessage") ?? "").length;

  if (outcome) return <SendOutcomePanel outcome={outcome} onSendAnother={startOver} />;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="send-form-title" className="flex flex-col gap-6">
      <input type="hidden" {...register("idempotencyKey")} />
      <Card>
        <CardHeader>
          <CardTitle id="send-form-title">Gift and recipient</CardTitle>
          <CardDescription>
            Sendoso emails the recipient to confirm their address before anything ships.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5 sm:grid-cols-2">
          <Field
            id="touchId"
            label="Touch"
            required
            error={errors.touchId?.message}
            className="sm:col-span-2"
          >
            <Select
              {...register("touchId")}
              {...fieldAria("touchId", { error: errors.touchId?.message })}
              required
            >
              <option value="">Choose a gift campaign…</option>
              {touches.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="recipientName" label="Recipient name" required error={errors.recipientName?.message}>
            <Input
              autoComplete="off"
              {...register("recipientName")}
              {...fieldAria("recipientName", { error: errors.recipientName?.message })}
              required
            />
          </Field>
          <Field id="recipientEmail" label="Recipient email" required error={errors.recipientEmail?.message}>
            <Input
              type="email"
              autoComplete="off"
              {...register("recipientEmail")}
              {...fieldAria("recipientEmail", { error: errors.recipientEmail?.message })}
              required
            />
          </Field>
          <Field
            id="customMessage"
            label="Custom message"
            description={`Printed on the note card. ${messageLength} of ${CUSTOM_MESSAGE_MAX} characters.`}
            error={errors.customMessage?.message}
            className="sm:col-span-2"
          >
            <Textarea
              rows={4}
              {...register("customMessage")}
              {...fieldAria("customMessage", { error: errors.customMessage?.message, description: true })}
            />
          </Field>
        </CardContent>
      </Card>
      <DeliveryOptions form={form} />
      {formError ? (
        <Alert tone="danger" role="alert" title="The gift was not sent">
          <span data-testid="form-error">{formError}</span>
        </Alert>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" pending={formState.isSubmitting} pendingLabel="Sending…">
          Send gift
        </Button>
      </div>
    </form>
  );
}
