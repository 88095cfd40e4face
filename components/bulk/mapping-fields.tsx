"use client";

import { Field, fieldAria } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { BULK_FIELD_LABELS, BULK_FIELDS, type ColumnMapping } from "@/lib/bulk/fields";

type Props = {
  preview: { headers: string[]; rows: number; sample: string[][] };
  mapping: ColumnMapping;
  onChange(next: ColumnMapping): void;
  error?: string;
};

/** Which file column feeds each field, detected from the headers and changeable here. */
export function MappingFields({ preview, mapping, onChange, error }: Props) {
  return (
    <fieldset className="flex flex-col gap-3 rounded-card border border-line p-4">
      <legend className="px-1 text-sm font-semibold">
        Columns ({preview.rows.toLocaleString("en-US")} rows found)
      </legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {BULK_FIELDS.map((field) => {
          const id = `mapping-${field}`;
          const fieldError = field === "email" ? error : undefined;
          return (
            <Field key={field} id={id} label={BULK_FIELD_LABELS[field]} error={fieldError}>
              <Select
                value={mapping[field] ?? ""}
                onChange={(event) => {
                  const next = { ...mapping };
                  if (event.target.value === "") delete next[field];
                  else next[field] = Number(event.target.value);
                  onChange(next);
                }}
                {...fieldAria(id, { error: fieldError })}
              >
                <option value="">Not in the file</option>
                {preview.headers.map((header, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the column's position is its identity (headers may repeat)
                  <option key={`${index}-${header}`} value={index}>
                    {header || `Column ${index + 1}`}
                    {preview.sample[0]?.[index] ? ` — e.g. ${preview.sample[0][index]?.slice(0, 30)}` : ""}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}
