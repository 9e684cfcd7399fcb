const USD = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  // Storage is priced in fractions of a cent per hour; four digits keep it visible.
  maximumFractionDigits: 4,
});

/** `2.95` -> `$2.95`, `0.0548` -> `$0.0548`; a dash when the server gave no price. */
export function usd(amount: number | null | undefined): string {
  return typeof amount === "number" && Number.isFinite(amount) ? USD.format(amount) : "-";
}
