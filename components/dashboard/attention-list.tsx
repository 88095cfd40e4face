import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { focusRing } from "@/components/ui/styles";
import { ATTENTION_CAP } from "@/lib/sends/dashboard";
import { formatCount } from "@/lib/spend/money";

export type AttentionItem = { key: string; label: string; count: number; href: string; hint: string };

/** Sends a manager should act on, each linking to the history filtered to exactly those sends. */
export function AttentionList({ items, locale }: { items: AttentionItem[]; locale: string | undefined }) {
  return (
    <Card aria-labelledby="attention-title">
      <CardHeader>
        <CardTitle id="attention-title">Needs attention</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {items.map((item) => (
            <li key={item.key} data-testid={`attention-${item.key}`}>
              <Link
                href={item.href}
                className={`flex flex-col gap-1 rounded-card border border-line p-4 hover:bg-canvas ${focusRing}`}
              >
                <span className="text-3xl font-semibold tabular-nums">
                  {item.count > ATTENTION_CAP
                    ? `${formatCount(ATTENTION_CAP, locale)}+`
                    : formatCount(item.count, locale)}
                </span>
                <span className="font-medium text-brand-700 underline">{item.label}</span>
                <span className="text-sm text-ink-muted">{item.hint}</span>
              </Link>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
