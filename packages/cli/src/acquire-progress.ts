import type { AcquireEvent, SkipReason } from "@cdesk/poller";
import { describeFates, describeSearch, offerLabel } from "./format/acquire.js";
import { describeStage } from "./format/status.js";
import { terminalSafeLine } from "./format/terminal-safe.js";
import { createProgress, type Progress } from "./progress.js";
import type { Runtime } from "./runtime.js";

/** What the acquisition's progress needs to know besides the events. */
export interface AcquireProgressPlan {
  maxAttempts: number;
  maxPrice: number;
  /** An error in the CLI's words, for "why it failed". */
  reason(error: unknown): string;
}

/** Shows `acquire`'s events on stderr, and the search summary once the search's skips are counted. */
export interface AcquireProgress {
  onEvent(event: AcquireEvent): void;
  /** Ends what is still shown (the summary of a last search, a spinner), before the result or the error. */
  finish(): void;
  /** The last search's summary, e.g. "Found 24 offers: 0 to try, 24 above --max-price $1.00/h". */
  lastSearch(): string | undefined;
}

/**
 * One stage after another, each with the CLI's progress (a spinner on a terminal, plain lines
 * elsewhere): an attempt from its procure call to ready or failed, then its cleanup. Between
 * stages, plain lines: what a search found.
 */
export function createAcquireProgress(runtime: Pick<Runtime, "stderr" | "env">, plan: AcquireProgressPlan): AcquireProgress {
  let stage: { progress: Progress; startedAt: number } | undefined;
  let search: { offers: number; candidates: number; skipped: Map<SkipReason, number> } | undefined;
  let lastSearch: string | undefined;
  // Offers known to be bought. Cleanup of any other one follows a procure whose outcome is unknown:
  // finding nothing to delete there does not mean nothing was bought.
  const bought = new Set<string>();

  const line = (text: string) => void runtime.stderr.write(`${terminalSafeLine(text)}\n`);
  const begin = (title: string) => {
    stage = { progress: createProgress(runtime.stderr, runtime.env, title), startedAt: Date.now() };
  };
  const update = (text: string) => stage?.progress.update(text, Date.now() - stage.startedAt);
  const end = (ok: boolean, text: string) => {
    if (!stage) return line(`${ok ? "✔" : "✖"} ${text}`);
    if (ok) stage.progress.succeed(text);
    else stage.progress.fail(text);
    stage = undefined;
  };
  // A search's skips come as events right after it: its line waits until they are all counted.
  const flushSearch = () => {
    if (!search) return;
    lastSearch = describeSearch(search.offers, search.candidates, search.skipped, plan.maxPrice);
    search = undefined;
    line(lastSearch);
  };

  return {
    onEvent(event) {
      if (event.type === "skipped") {
        if (search) search.skipped.set(event.reason, (search.skipped.get(event.reason) ?? 0) + 1);
        else line(`Skipped offer ${event.offer.offer_id}: ${event.reason}`);
        return;
      }
      flushSearch();
      switch (event.type) {
        case "searched":
          search = { offers: event.offers, candidates: event.candidates, skipped: new Map() };
          return;
        case "procuring":
          return begin(`Attempt ${event.attempt} of at most ${plan.maxAttempts}: offer ${event.offer.offer_id} (${offerLabel(event.offer)})`);
        case "procured":
          bought.add(event.offer.offer_id);
          return update(`procured: ${event.resourceIds.length > 0 ? `resources ${event.resourceIds.join(", ")}` : "no resource id yet"}`);
        case "progress":
          return update(describeStage(event.status));
        case "failed":
          // A spinner replaces the title: the closing line names the offer again, in full.
          return end(false, `offer ${event.offer.offer_id} (${offerLabel(event.offer)}): ${plan.reason(event.error)}`);
        case "cleaning-up":
          return begin(`Cleaning up offer ${event.offer.offer_id}: deleting ${event.resourceIds.join(", ") || "nothing"} (force)`);
        case "cleaned-up": {
          const { offer_id } = event.offer;
          if (event.resources.length === 0 && !bought.has(offer_id)) {
            return end(false, `offer ${offer_id}: no resource found, but its procure may have gone through (\`cdesk status ${offer_id}\`)`);
          }
          return end(event.resources.every((resource) => resource.fate === "deleted"), `offer ${offer_id}: ${describeFates(event.resources, plan.reason)}`);
        }
        case "ready":
          return end(true, `offer ${event.offer.offer_id} (${offerLabel(event.offer)}) ${describeStage(event.status)}`);
      }
    },
    finish() {
      flushSearch();
      if (stage) end(false, "stopped");
    },
    lastSearch: () => lastSearch,
  };
}
