"use client";

import { Controller } from "react-hook-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RadioGroup } from "@/components/ui/radio-group";
import { Textarea } from "@/components/ui/textarea";
import { EXPIRE_DAYS_MAX, EXPIRE_DAYS_MIN } from "@/lib/validation/send";
import { errorFor, type SendForm } from "./form-types";

const VIA_OPTIONS = [
  {
    value: "email",
    label: "Sendoso emails the recipient",
    description: "A confirmation form goes to the recipient.",
  },
  { value: "link", label: "I share a link", description: "Sendoso emails you a link to pass on yourself." },
];

/** Address-confirmation options (shared/sendoso-api.md §2.1), defaults from Sendoso's documented example. */
export function DeliveryOptions({ form }: { form: SendForm }) {
  const { register, control, formState } = form;
  const expireError = errorFor(formState.errors, "expireAfterDays");
  const messageError = errorFor(formState.errors, "addressConfirmationMessage");
  return (
    <Card>
      <CardHeader>
        <CardTitle>Address confirmation</CardTitle>
        <CardDescription>How the recipient tells Sendoso where to ship.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5 sm:grid-cols-2">
        <fieldset className="flex flex-col gap-2 sm:col-span-2">
          <legend id="via-legend" className="mb-2 text-sm font-medium">
            Confirmation via
          </legend>
          <Controller
            control={control}
            name="addressConfirmationVia"
            render={({ field }) => (
              <RadioGroup
                name={field.name}
                value={String(field.value)}
                onValueChange={field.onChange}
                options={VIA_OPTIONS}
                idPrefix="via"
                aria-labelledby="via-legend"
              />
            )}
          />
        </fieldset>
        <Field
          id="expireAfterDays"
          label="Expire after (days)"
          required
          description={`Between ${EXPIRE_DAYS_MIN} and ${EXPIRE_DAYS_MAX} days to confirm.`}
          error={expireError}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={EXPIRE_DAYS_MIN}
            max={EXPIRE_DAYS_MAX}
            {...register("expireAfterDays")}
            {...fieldAria("expireAfterDays", { error: expireError, description: true })}
            required
          />
        </Field>
        <div className="flex flex-col gap-4">
          <Controller
            control={control}
            name="resumeWithUnconfirmedAddress"
            render={({ field }) => (
              <Checkbox
                id="resumeWithUnconfirmedAddress"
                checked={field.value === true}
                onCheckedChange={field.onChange}
                label="Ship anyway if the recipient never confirms"
                description="Off: the gift is cancelled when the window ends."
              />
            )}
          />
          <Controller
            control={control}
            name="hideProductInfo"
            render={({ field }) => (
              <Checkbox
                id="hideProductInfo"
                checked={field.value === true}
                onCheckedChange={field.onChange}
                label="Keep the gift a surprise"
                description="Hides the gift's name and picture on the confirmation page."
              />
            )}
          />
        </div>
        <Field
          id="addressConfirmationMessage"
          label="Confirmation email message"
          error={messageError}
          className="sm:col-span-2"
        >
          <Textarea
            rows={3}
            {...register("addressConfirmationMessage")}
            {...fieldAria("addressConfirmationMessage", {
              error: messageError,
            })}
          />
        </Field>
      </CardContent>
    </Card>
  );
}
