"use client";

import { useWatch } from "react-hook-form";
import { useFormatMoney } from "@/components/app/locale-provider";
import { STATE_LABEL } from "@/components/history/labels";
import type { RecipientGlance as Glance, GlanceAllowance } from "@/lib/sends/recipient-glance";
import type { SendForm } from "./form-types";
import { useRecipientGlance } from "./use-recipient-glance";

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

function statusText(email: string | null, glance: Glance | undefined, pending: boolean, error: unknown) {
  if (!email) return "Type the recipient's email to see their earlier gifts and what is left this year.";
  if (pending) return `Looking up ${email}…`;
  if (error) return error instanceof Error ? error.message : "Could not look this recipient up.";
  if (!glance) return "";
  const n = glance.sends.length;
  return n === 0
    ? `No earlier gifts to ${email} that you can see.`
    : `${n} earlier gift${n === 1 ? "" : "s"} to ${email} that you can see.`;
}

function AllowanceLine({ a, money }: { a: GlanceAllowance; money: (v: number) => string }) {
  const whom = a.scope === "email" ? "this recipient" : `everyone at ${a.subject}`;
  const left = a.left > 0 ? `${money(a.left)} left` : "nothing left";
  return (
    <li>
      {a.year} cap for {whom}: <strong className="font-semibold">{left}</strong> of {money(a.cap)}
    </li>
  );
}

/**
 * The recipient at a glance (issue 17 item 5): while the rep types the email, their earlier gifts within
 * the rep's history scope and what the yearly caps leave. Advice only: the send checks again.
 */
export function RecipientGlance({ form }: { form: SendForm }) {
  const typed = String(useWatch({ control: form.control, name: "recipientEmail" }) ?? "");
  const { email, query } = useRecipientGlance(typed);
  const formatMoney = useFormatMoney();
  const glance = email ? query.data : undefined;
  const money = (v: number) => formatMoney(v, glance?.currency ?? "USD");
  const pending = email !== null && query.isFetching && !query.data;
  return (
    <section
      aria-labelledby="recipient-glance-title"
      className="rounded-md border border-line bg-surface-muted p-4 text-sm sm:col-span-2"
    >
      <h3 id="recipient-glance-title" className="font-medium">
        This recipient at a glance
      </h3>
      <p role="status" className="mt-1 text-ink-muted">
        {statusText(email, glance, pending, email ? query.error : null)}
      </p>
      {glance && glance.allowance.length > 0 ? (
        <ul className="mt-2 flex flex-col gap-1" aria-label="Allowance left this year">
          {glance.allowance.map((a) => (
            <AllowanceLine key={a.scope} a={a} money={money} />
          ))}
        </ul>
      ) : null}
      {glance && glance.othersOn.length > 0 ? (
        <p className="mt-2">
          Someone else in your organisation also sent them a gift on{" "}
          {glance.othersOn.map((d) => dayFormat.format(new Date(`${d}T12:00:00Z`))).join(", ")}.
        </p>
      ) : null}
      {glance && glance.sends.length > 0 ? (
        <table className="mt-3 w-full text-left">
          <caption className="sr-only">Earlier gifts to this recipient</caption>
          <thead className="text-ink-muted">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Date
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Touch
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Rep
              </th>
              <th scope="col" className="py-1 font-medium">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {glance.sends.map((s) => (
              <tr key={`${s.createdAt}-${s.touchName}`} className="border-t border-line">
                <td className="py-1 pr-3">
                  <time dateTime={s.createdAt}>{dayFormat.format(new Date(s.createdAt))}</time>
                </td>
                <td className="py-1 pr-3">{s.touchName}</td>
                <td className="py-1 pr-3">{s.senderName}</td>
                <td className="py-1">{STATE_LABEL[s.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
