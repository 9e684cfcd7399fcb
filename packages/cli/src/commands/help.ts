/** The "Examples:" block at the end of a command's help. Each example is [command, what it does]. */
export function examples(...items: [command: string, purpose: string][]): string {
  const width = Math.max(...items.map(([command]) => command.length));
  return `\nExamples:\n${items.map(([command, purpose]) => `  $ ${command.padEnd(width)}  # ${purpose}`).join("\n")}\n`;
}
