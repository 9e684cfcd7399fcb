import { terminalSafeLine } from "./terminal-safe.js";

/** One column of a table: its heading, and right alignment for numbers. */
export interface Column {
  header: string;
  align?: "left" | "right";
}

/**
 * A plain-text table: a header row, then one row per item, columns padded to their widest cell
 * and separated by two spaces. No borders or colours, so it survives pipes, `grep` and `cut`.
 */
export function renderTable(columns: Column[], rawRows: string[][]): string {
  // Cells hold server text: cleaned before measuring, so the columns stay aligned.
  const rows = rawRows.map((row) => row.map((cell) => terminalSafeLine(String(cell ?? ""))));
  const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? "";
        const width = widths[i] ?? 0;
        return column.align === "right" ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  return [line(columns.map((column) => column.header)), ...rows.map(line)].join("\n");
}

/** `label: value` lines with the values aligned, for one item's details. Empty values show as a dash. */
export function renderDetails(entries: [label: string, value: string | number | null | undefined][]): string {
  const width = Math.max(...entries.map(([label]) => label.length));
  return entries
    .map(([label, value]) => `${`${label}:`.padEnd(width + 1)}  ${value === null || value === undefined || value === "" ? "-" : terminalSafeLine(String(value))}`)
    .join("\n");
}
