import { formatMoney } from "@/components/history/labels";
import { Card, CardContent } from "@/components/ui/card";
import type { DashboardData, Money } from "@/lib/sends/dashboard";
import { type HistoryFilters, historyQueryString } from "@/lib/sends/filters";
import { BUCKET_LABEL } from "@/lib/sends/status-buckets";
import { AttentionList } from "./attention-list";
import { ChartSection } from "./chart-section";
import { LazyBarChart as BarChartView } from "./lazy-bar-chart";

type Props = {
  data: DashboardData;
  /** The period and team as history filters: every link below narrows from these. */
  period: HistoryFilters;
  waitingTo: string;
  days: number;
  /** ORG_CURRENCY: what an empty dashboard's zero is in, and the chart's default currency. */
  currency: string;
  /** The viewer's locale (Accept-Language). */
  locale: string | undefined;
};

const history = (filters: HistoryFilters) => `/history${historyQueryString(filters)}`;

export function DashboardView({ data, period, waitingTo, days, currency, locale }: Props) {
  const money = (list: Money[]) =>
    list.length === 0
      ? formatMoney(0, currency, locale)
      : list.map((m) => formatMoney(m.amount, m.currency, locale)).join(" + ");
  // The zone only matters where a day is in the link.
  const team = { team: period.team };
  // Spend bars use the currency most of the money is in; the table lists every currency.
  const main = data.totals.spend.toSorted((a, b) => b.amount - a.amount)[0]?.currency ?? currency;
  const spendIn = (list: Money[]) => list.find((m) => m.currency === main)?.amount ?? 0;
  return (
    <div className="flex flex-col gap-6">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Card>
          <CardContent className="flex flex-col gap-1">
            <a href={history(period)} className="text-sm font-medium text-brand-700 underline">
              Total sends
            </a>
            <span className="text-3xl font-semibold tabular-nums" data-testid="total-sends">
              {data.totals.sends}
            </span>
          </CardContent>
        </Card>
        <Card>
          <CardContent className="flex flex-col gap-1">
            <span className="text-sm font-medium text-ink-muted">Total spend</span>
            <span className="text-3xl font-semibold tabular-nums" data-testid="total-spend">
              {money(data.totals.spend)}
            </span>
          </CardContent>
        </Card>
      </div>
      <AttentionList
        locale={locale}
        items={[
          {
            key: "waiting",
            label: `Waiting on the recipient for more than ${days} days`,
            count: data.attention.waitingOnRecipient,
            href: history({ ...team, bucket: "waiting_on_recipient", to: waitingTo, tz: period.tz }),
            hint: "Remind the recipient, or cancel in Sendoso.",
          },
          {
            key: "unknown",
            label: "Unknown — checking",
            count: data.attention.unknown,
            href: history({ ...team, bucket: "unknown" }),
            hint: "Check Sendoso, then mark not sent if it is not there.",
          },
          {
            key: "on-hold",
            label: "On hold — needs action",
            count: data.attention.onHold,
            href: history({ ...team, bucket: "on_hold" }),
            hint: "Approve, fund or fix these in Sendoso.",
          },
          {
            key: "approval",
            label: "Waiting for approval in Gift Desk",
            count: data.attention.awaitingApproval,
            href: history({ ...team, state: "pending_approval" }),
            hint: "Nothing is sent until an approver decides.",
          },
        ]}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <ChartSection
          id="per-rep"
          title="Sends and spend per rep"
          chart={
            <BarChartView
              data={data.perRep.map((r) => ({ label: r.name, value: r.sends }))}
              valueName="Sends"
            />
          }
          columns={["Rep", "Sends", "Spend"]}
          rows={data.perRep.map((r) => ({
            key: r.repId,
            label: r.name,
            href: history({ ...period, rep: r.repId }),
            cells: [r.sends, money(r.spend)],
          }))}
          empty="No sends in this period."
        />
        <ChartSection
          id="by-bucket"
          title="Sends by status"
          chart={
            <BarChartView
              data={data.byBucket.map((b) => ({ label: BUCKET_LABEL[b.bucket], value: b.sends }))}
              valueName="Sends"
            />
          }
          columns={["Status", "Sends"]}
          rows={data.byBucket.map((b) => ({
            key: b.bucket,
            label: BUCKET_LABEL[b.bucket],
            href: history({ ...period, bucket: b.bucket }),
            cells: [b.sends],
          }))}
          empty="No sends in this period."
        />
      </div>
      {data.perRep.length > 0 ? (
        <ChartSection
          id="spend-per-rep"
          title={`Spend per rep (${main})`}
          chart={
            <BarChartView
              data={data.perRep.map((r) => ({ label: r.name, value: spendIn(r.spend) }))}
              valueName={`Spend (${main})`}
              currency={main}
            />
          }
          columns={["Rep", `Spend (${main})`]}
          rows={data.perRep.map((r) => ({
            key: r.repId,
            label: r.name,
            href: history({ ...period, rep: r.repId }),
            cells: [formatMoney(spendIn(r.spend), main, locale)],
          }))}
          empty="No spend in this period."
        />
      ) : null}
    </div>
  );
}
