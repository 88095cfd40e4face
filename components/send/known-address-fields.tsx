"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { isUnitedStates } from "@/lib/sendoso/request-body-known-address";
import type { SendGiftField } from "@/lib/validation/send";
import { errorFor, type SendForm } from "./form-types";

const FIELDS: { name: SendGiftField; label: string; autoComplete: string; wide?: boolean }[] = [
  { name: "address", label: "Street address", autoComplete: "street-address", wide: true },
  { name: "city", label: "City", autoComplete: "address-level2" },
  { name: "state", label: "State or region", autoComplete: "address-level1" },
  { name: "zip", label: "Postal code", autoComplete: "postal-code" },
  { name: "country", label: "Country code", autoComplete: "country" },
];

/** Shipping straight to an address the rep already has (shared/sendoso-api.md §2.2). */
export function KnownAddressFields({ form }: { form: SendForm }) {
  const { register, formState, watch } = form;
  const country = String(watch("country") ?? "");
  const mobileRequired = country.trim() !== "" && !isUnitedStates(country);
  const mobileError = errorFor(formState.errors, "mobileNo");
  return (
    <Card>
      <CardHeader>
        <CardTitle>Shipping address</CardTitle>
        <CardDescription>Sendoso ships straight here; the recipient is not asked to confirm.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5 sm:grid-cols-2">
        {FIELDS.map(({ name, label, autoComplete, wide }) => {
          const error = errorFor(formState.errors, name);
          return (
            <Field
              key={name}
              id={name}
              label={label}
              required
              error={error}
              className={wide ? "sm:col-span-2" : undefined}
            >
              <Input
                autoComplete={autoComplete}
                {...register(name)}
                {...fieldAria(name, { error })}
                required
                {...(name === "country" ? { maxLength: 2, placeholder: "US" } : {})}
              />
            </Field>
          );
        })}
        <Field
          id="mobileNo"
          label="Mobile number"
          required={mobileRequired}
          error={mobileError}
          description="Required by Sendoso for addresses outside the US. International form, e.g. +44 20 7946 0958."
        >
          <Input
            type="tel"
            autoComplete="tel"
            {...register("mobileNo")}
            {...fieldAria("mobileNo", { error: mobileError, description: true })}
            required={mobileRequired}
          />
        </Field>
      </CardContent>
    </Card>
  );
}
