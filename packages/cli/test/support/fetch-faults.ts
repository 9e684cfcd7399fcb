import type { FetchLike } from "@cdesk/client";

/** The socket error inside Node's `TypeError("fetch failed")`, as undici gives it. */
function socketFailure(url: string, code: "ECONNREFUSED" | "ECONNRESET"): TypeError {
  const { hostname, port } = new URL(url);
  const socket = Object.assign(new Error(`${code === "ECONNREFUSED" ? "connect" : "read"} ${code} ${hostname}:${port}`), {
    code,
    syscall: code === "ECONNREFUSED" ? "connect" : "read",
  });
  return new TypeError("fetch failed", { cause: socket });
}

/** Node's fetch where nothing listens at the port: rejected before a byte is sent. */
export const refusingFetch: FetchLike = async (url) => {
  throw socketFailure(url, "ECONNREFUSED");
};

/** A connection the network cuts before any answer. */
export const resettingFetch: FetchLike = async (url) => {
  throw socketFailure(url, "ECONNRESET");
};

/** A server that never answers: the request ends only when its signal aborts, as with fetch. */
export const hangingFetch: FetchLike = (_url, init) =>
  new Promise((_resolve, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true }));

/** `fetch` whose answers to the requests `cut(url)` picks are lost: the server acted, then the connection reset. */
export function cuttingAnswers(fetch: FetchLike, cut: (url: string) => boolean): FetchLike {
  return async (url, init) => {
    if (!cut(url)) return fetch(url, init);
    await fetch(url, init);
    throw socketFailure(url, "ECONNRESET");
  };
}
