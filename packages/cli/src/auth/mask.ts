/**
 * A token as `auth status` shows it: enough to tell two tokens apart, too little to use.
 * Short tokens show no characters at all.
 */
export function maskToken(token: string): string {
  const length = `(${token.length} characters)`;
  return token.length >= 16 ? `${token.slice(0, 4)}…${token.slice(-4)} ${length}` : `**** ${length}`;
}
