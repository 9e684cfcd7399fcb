/**
 * Which fault the proxy injects into one request: a pure function of the seed, the request's
 * place in its stream, and its method and path, so a failing run replays exactly from its seed.
 */

/** Faults answered by the proxy alone: the simulator never sees the request. */
export const FAULTS_BEFORE_FORWARDING = ["status-503", "status-429", "html-error", "reset-before"] as const;
/** Faults applied to the simulator's answer: it has acted, the client cannot know it. */
export const FAULTS_AFTER_FORWARDING = ["reset-after", "truncated-json", "slow"] as const;

export type FaultKind = (typeof FAULTS_BEFORE_FORWARDING)[number] | (typeof FAULTS_AFTER_FORWARDING)[number];
export const FAULT_KINDS: readonly FaultKind[] = [...FAULTS_BEFORE_FORWARDING, ...FAULTS_AFTER_FORWARDING];

export type Fault = { kind: "none" } | { kind: Exclude<FaultKind, "status-429"> } | { kind: "status-429"; retryAfterSeconds: 0 | 1 };

/** Where one request sits: the proxy numbers requests per stream (one stream per lifecycle). */
export interface RequestKey {
  seed: number;
  /** The lifecycle the request belongs to; keeps plans reproducible when lifecycles run concurrently. */
  stream: number;
  /** 0 for the stream's first request, 1 for the next, ... */
  index: number;
  method: string;
  /** The URL path, without the query string. */
  path: string;
}

export interface FaultPlanOptions {
  /**
   * Share of requests that get a fault, in [0, 1].
   * @default 0.2
   * @example { faultRate: 0.5 }
   */
  faultRate?: number;
  /**
   * Share of 429s whose `Retry-After` is 1 second rather than 0 (each one costs the run a second).
   * @default 0.25
   * @example { retryAfterOneShare: 0 }
   */
  retryAfterOneShare?: number;
}

/** Whether the simulator receives the request (no fault, or a fault applied to its answer). */
export function reachesUpstream(fault: Fault): boolean {
  return !(FAULTS_BEFORE_FORWARDING as readonly string[]).includes(fault.kind);
}

/** The fault for one request. Same key and options, same fault, on every machine. */
export function planFault(key: RequestKey, options: FaultPlanOptions = {}): Fault {
  const faultRate = shareOption(options.faultRate ?? 0.2, "faultRate");
  const retryAfterOneShare = shareOption(options.retryAfterOneShare ?? 0.25, "retryAfterOneShare");
  const draw = drawsFor(`${key.seed}\u0000${key.stream}\u0000${key.index}\u0000${key.method.toUpperCase()}\u0000${key.path}`);
  if (draw() >= faultRate) return { kind: "none" };
  const kind = FAULT_KINDS[Math.floor(draw() * FAULT_KINDS.length)] as FaultKind;
  if (kind === "status-429") return { kind, retryAfterSeconds: draw() < retryAfterOneShare ? 1 : 0 };
  return { kind };
}

function shareOption(value: number, name: string): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be a number in [0, 1], got ${value}`);
  return value;
}

/**
 * Seeded random draws in [0, 1) for a text: FNV-1a of the text seeds the PRNG, so neighbouring
 * texts (request indexes, offer ids) land far apart. Same text, same draws, on every machine.
 */
export function drawsFor(text: string): () => number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return mulberry32(hash >>> 0);
}

/** A small, well-mixed 32-bit PRNG; floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
