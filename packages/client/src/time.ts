/**
 * Milliseconds since the epoch of a timestamp from the API, or NaN when it is not one. A date-time
 * without an offset (`2026-12-01T22:07:03.538090`, what a FastAPI service sends for
 * `datetime.utcnow()`) is UTC: `Date.parse` alone would read it as local time and shift every
 * computed duration by the machine's UTC offset.
 * @example parseApiTime(offer.expires_at) - Date.now() // ms until the offer expires
 */
export function parseApiTime(text: string): number {
  const trimmed = text.trim();
  const local = /T[\d:.]+$/.test(trimmed);
  return Date.parse(local ? `${trimmed}Z` : trimmed);
}
