/** A small seeded PRNG (mulberry32): the same seed gives the same ids, prices and addresses. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A random (version 4 layout) UUID. */
  uuid(): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = (): string => ((next() * 4294967296) >>> 0).toString(16).padStart(8, "0");
  return {
    next,
    uuid: () => {
      const [a, b, c, d] = [word(), word(), word(), word()];
      const variant = "89ab"[Number.parseInt(c[0]!, 16) % 4];
      return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
  };
}
