import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { focusRing } from "@/components/ui/styles";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type ChartRow = { key: string; label: string; href: string; cells: ReactNode[] };

type Props = {
  id: string;
  title: string;
  chart: ReactNode;
  columns: string[];
  rows: ChartRow[];
  empty: string;
};

/** A chart with its accessible alternative: the same figures as a table, each row linking to history. */
export function ChartSection({ id, title, chart, columns, rows, empty }: Props) {
  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardHeader>
        <CardTitle id={`${id}-title`}>{title}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {rows.length === 0 ? (
          <p className="text-sm text-ink-muted">{empty}</p>
        ) : (
          <>
            {chart}
            <Table aria-label={`${title} (table)`} containerClassName="shadow-none">
              <TableHead>
                <TableRow>
                  {columns.map((c, i) => (
                    <TableHeader key={c} className={i > 0 ? "text-right" : undefined}>
                      {c}
                    </TableHeader>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.key}>
                    <TableCell>
                      <Link
                        href={row.href}
                        className={`rounded-control text-brand-700 underline ${focusRing}`}
                      >
                        {row.label}
                      </Link>
                    </TableCell>
                    {row.cells.map((cell, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns
                      <TableCell key={i} className="text-right tabular-nums">
                        {cell}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}
