import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Props = {
  /** Field ids are `${idPrefix}-from`, `-to` and `-size`. */
  idPrefix: string;
  from?: string;
  to?: string;
  size: number;
  sizes: readonly number[];
  /** The viewer's zone for the date fields (useViewerTimeZone). */
  timeZone: string;
};

/** The From/To days, Per page and hidden time zone that every paged GET filter form ends with. */
export function DateRangeSizeFields({ idPrefix, from, to, size, sizes, timeZone }: Props) {
  return (
    <>
      <Field id={`${idPrefix}-from`} label="From">
        <Input id={`${idPrefix}-from`} name="from" type="date" defaultValue={from ?? ""} />
      </Field>
      <Field id={`${idPrefix}-to`} label="To">
        <Input id={`${idPrefix}-to`} name="to" type="date" defaultValue={to ?? ""} />
      </Field>
      <Field id={`${idPrefix}-size`} label="Per page">
        <Select id={`${idPrefix}-size`} name="size" defaultValue={String(size)}>
          {sizes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <input type="hidden" name="tz" value={timeZone} />
    </>
  );
}
