/** "$1,234.50", "-$20.00": amounts in the org currency, cents always shown (budgets are exact). */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount);
}
