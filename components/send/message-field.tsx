"use client";

import { Field, fieldAria } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { renderMessage } from "@/lib/sends/message-template";
import { CUSTOM_MESSAGE_MAX } from "@/lib/validation/send";
import { errorFor, type SendForm } from "./form-types";

/** The note card / eGift email text, with a live count and a preview of exactly what will be sent. */
export function MessageField({ form }: { form: SendForm }) {
  const { register, formState, watch } = form;
  const error = errorFor(formState.errors, "customMessage");
  const template = String(watch("customMessage") ?? "");
  const preview = renderMessage(template, {
    name: String(watch("recipientName") ?? ""),
    company: String(watch("recipientCompany") ?? ""),
  });
  const over = template.length > CUSTOM_MESSAGE_MAX;
  return (
    <div className="flex flex-col gap-3 sm:col-span-2">
      <Field
        id="customMessage"
        label="Custom message"
        error={error}
        description={
          <>
            <span className={over ? "font-medium text-danger" : undefined}>
              {template.length} of {CUSTOM_MESSAGE_MAX} characters.
            </span>{" "}
            Use {"{first_name}"}, {"{last_name}"} or {"{company}"} to personalise it.
          </>
        }
      >
        <Textarea
          rows={4}
          {...register("customMessage")}
          {...fieldAria("customMessage", { error, description: true })}
        />
      </Field>
      {template.trim() ? (
        <figure className="rounded-card border border-line bg-surface-muted px-4 py-3 text-sm">
          <figcaption className="mb-1 font-medium text-ink-muted">The recipient will read</figcaption>
          <blockquote data-testid="message-preview" className="whitespace-pre-wrap">
            {preview}
          </blockquote>
        </figure>
      ) : null}
    </div>
  );
}
