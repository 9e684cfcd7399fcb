/**
 * A reason to stop the update that the user can act on. The CLI prints its message (no stack) and
 * exits with status 1; nothing has been written when it is thrown.
 */
export class SpecUpdateError extends Error {
  /** @override */
  name = "SpecUpdateError";
}
