// Key order carries no meaning in OpenAPI, but it drives the order of everything generated from
// the spec and of every diff a reviewer reads. Keeping the previous spec's order means an update
// shows only what changed, not how upstream or the overlay happened to order it.

/**
 * Returns `value` with the keys of every object reordered like the same object in `reference`:
 * keys the reference has come first, in its order; new keys follow in their own order. Lists keep
 * their order (it can matter: `required`, `enum`, `anyOf`), but objects inside them are reordered
 * by position.
 * @template T
 * @param {T} value
 * @param {unknown} reference
 * @returns {T}
 */
export function orderLike(value, reference) {
  if (Array.isArray(value)) {
    const ref = Array.isArray(reference) ? reference : [];
    return /** @type {T} */ (value.map((item, index) => orderLike(item, ref[index])));
  }
  if (!isObject(value)) return value;
  const ref = isObject(reference) ? reference : {};
  const keys = [...Object.keys(ref).filter((key) => key in value), ...Object.keys(value).filter((key) => !(key in ref))];
  return /** @type {T} */ (Object.fromEntries(keys.map((key) => [key, orderLike(value[key], ref[key])])));
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
