/** Markdown tables, the format README and terminal both read. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export const thousands = (value: number) => Math.round(value).toLocaleString("en-US");
export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
