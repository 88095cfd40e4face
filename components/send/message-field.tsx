"use client";

import { Field, fieldAria } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { TemplateOption } from "@/lib/messages/templates";
import { renderMessage } from "@/lib/sends/message-template";
import { CUSTOM_MESSAGE_MAX } from "@/lib/validation/send";
import { errorFor, type SendForm } from "./form-types";
import { SavedMessagePicker } from "./saved-message-picker";

/** The note card / eGift email text, with a live count and a preview of exactly what will be sent. */
export function MessageField({ form, templates = [] }: { form: SendForm; templates?: TemplateOption[] }) {
  const { register, formState, watch } = form;
  const locked = templates.find((t) => t.id === watch("messageTemplateId"))?.locked === true;
  const error = errorFor(formState.errors, "customMessage");
  const template = String(watch("customMessage") ?? "");
  const preview = renderMessage(template, {
    name: String(watch("recipientName") ?? ""),
    company: String(watch("recipientCompany") ?? ""),
  });
  const over = template.length > CUSTOM_MESSAGE_MAX;
  return (
    <div className="flex flex-col gap-3 sm:col-span-2">
      <SavedMessagePicker form={form} templates={templates} />
      <Field
        id="customMessage"
        label="Custom message"
        error={error}
        description={
          <>
            <span className={over ? "font-medium text-danger" : undefined}>
              {template.length} of {CUSTOM_MESSAGE_MAX} characters.
            </span>{" "}
            {locked ? (
              <span data-testid="message-locked">
                A locked team message: it is sent exactly as written, with the name and company filled in.
              </span>
            ) : (
              <>
                Use {"{first_name}"}, {"{last_name}"} or {"{company}"} to personalise it.
              </>
            )}
          </>
        }
      >
        <Textarea
          rows={4}
          readOnly={locked}
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
