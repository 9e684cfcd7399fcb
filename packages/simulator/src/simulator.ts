import type { Resource, components } from "@cdesk/types";
import type { Answer } from "./answer.js";
import { createClock } from "./clock.js";
import { dispatch, type DispatchContext, type IncomingRequest } from "./dispatch.js";
import { FaultQueue, type FaultOptions } from "./faults.js";
import { customInventory, defaultInventory } from "./inventory.js";
import { resolveOptions, type OfferFailure, type OfferSelector, type SimulatorOptions } from "./options.js";
import { createRandom } from "./random.js";
import type { OperationKey } from "./routes.js";
import { TextResponse } from "./text-response.js";
import { offerDetails, resourceView } from "./views.js";
import { readRequest } from "./read-request.js";
import { World } from "./world.js";

type OfferDetails = components["schemas"]["OfferDetails"];

const MAX_REDIRECTS = 20;

/** The in-process base URL: `sim.fetch` answers it without a socket. */
export const SIMULATOR_URL = "https://supply-api.simulator.invalid";

/** One request the simulator received, as it received it (the bearer token redacted). */
export interface RecordedRequest {
  method: string;
  /** The path, without the query, e.g. "/offers/3f6c…/status". */
  path: string;
  query: Record<string, string>;
  /** Lower-case names; `authorization` keeps only its scheme ("Bearer [redacted]"). */
  headers: Record<string, string>;
  /** The body as text; undefined when there was none. */
  body: string | undefined;
  /** The status it was answered with. */
  status: number;
  /** The `x-request-id` it was answered with. */
  requestId: string;
}

/** Read-only snapshots of the simulator's state, in the API's own shapes. */
export interface SimulatorState {
  /** Every offer a search created, as `GET /offers/{id}` shows it now. */
  readonly offers: OfferDetails[];
  /** Every resource a procurement created, as the vendor has it now (what `force_refresh=true` shows). */
  readonly resources: Resource[];
}

/** A stateful Supply API: see {@link createSimulator}. */
export interface Simulator {
  /** The base URL `fetch` answers (no socket): give it to the client with `fetch: sim.fetch`. */
  readonly url: string;
  /** A `fetch` that answers in-process, as the service would. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Moves the clock forward: provisioning, deletion, reconciliation cooldowns and expiry follow. */
  advance(ms: number): void;
  /** Snapshots of the offers and resources, taken when read. */
  readonly state: SimulatorState;
  /** Every request received so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /**
   * Makes the next request(s) of one operation fail with a status the spec declares for it;
   * `failNext("reset")` clears every queued fault.
   * @example sim.failNext("GET /offers/{offer_id}/status", { status: 503, times: 2, retryAfter: 1 })
   */
  failNext(operation: OperationKey | "reset", options?: FaultOptions): void;
  /**
   * Makes the procurement of matching offers fail: "procure" (procure answers `failed`),
   * "capacity" (accepted, then capacity exhausted) or "provisioning" (instances boot, then fail).
   * @example sim.failOffer((offer) => offer.vendor === "nebius", "provisioning")
   */
  failOffer(offer: OfferSelector, failure: OfferFailure): void;
  /** Back to the state it was created in: no offers, resources, requests or faults; the clock at its start. */
  reset(): void;
}

/**
 * Creates a simulator of the Supply API. It keeps state (offers, procurements, resources),
 * follows the documented lifecycle on its clock, and answers as the FastAPI service does.
 * @example
 * const sim = createSimulator({ seed: 7, clock: "manual" });
 * const cdesk = createCdeskClient({ token: "any", baseUrl: sim.url, fetch: sim.fetch });
 */
export function createSimulator(options?: SimulatorOptions): Simulator {
  const opts = resolveOptions(options);
  const clock = createClock(opts.clock);
  const faults = new FaultQueue();
  const timing = { provisioningMs: opts.provisioningMs, deletionMs: opts.deletionMs };
  // Kept as received and turned into RecordedRequests only when read: recording stays cheap.
  let requests: { req: IncomingRequest; status: number; requestId: string }[] = [];
  let ctx: DispatchContext;

  const start = (): void => {
    const inventoryRandom = createRandom(opts.seed);
    const idRandom = createRandom(opts.seed ^ 0x5bd1e995);
    const requestRandom = createRandom(opts.seed ^ 0x27d4eb2f);
    const inventory = opts.offers ? customInventory(opts.offers) : defaultInventory(inventoryRandom);
    ctx = { world: new World(inventory, clock, timing, idRandom), faults, token: opts.token, nextRequestId: () => requestRandom.uuid() };
  };
  start();

  const answer = (req: IncomingRequest): Answer => {
    const answered = dispatch(ctx, req);
    requests.push({ req, status: answered.status, requestId: answered.requestId });
    return answered;
  };
  const handle = (req: IncomingRequest): Response => {
    const { status, headers, body } = answer(req);
    return new TextResponse(req.method === "HEAD" ? null : body, { status, headers });
  };

  const sim: Simulator = {
    url: SIMULATOR_URL,
    async fetch(input, init) {
      let incoming = await readRequest(input, init);
      let response = handle(incoming);
      // As fetch does with redirect: "follow" (the default): the only redirect is a 307 (trailing
      // slash), which keeps the method and the body.
      const redirect = init?.redirect ?? (input instanceof Request ? input.redirect : "follow");
      for (let hops = 0; response.status === 307 && redirect === "follow" && hops < MAX_REDIRECTS; hops++) {
        incoming = { ...incoming, url: new URL(response.headers.get("location")!, incoming.url) };
        response = handle(incoming);
      }
      return response;
    },
    advance: (ms) => clock.advance(ms),
    get state(): SimulatorState {
      const now = clock.now();
      const { world } = ctx;
      return {
        offers: [...world.offers.values()].map((r) => offerDetails(r, now, timing)),
        resources: [...world.resources.values()].map((r) => resourceView(r, world.offers.get(r.offerId)!, now, timing)),
      };
    },
    get requests() {
      return requests.map((r) => record(r.req, r.status, r.requestId));
    },
    failNext(operation, faultOptions) {
      if (operation === "reset") faults.clear();
      else faults.add(operation, faultOptions ?? {});
    },
    failOffer(offer, failure) {
      if (failure !== "procure" && failure !== "capacity" && failure !== "provisioning") {
        throw new TypeError(`failOffer: failure must be "procure", "capacity" or "provisioning", got ${JSON.stringify(failure)}`);
      }
      if (typeof offer === "string") {
        const id = offer.toLowerCase();
        const record = ctx.world.offers.get(id);
        if (!record) throw new TypeError(`failOffer: no offer has the id ${offer}`);
        if (record.procurement) throw new TypeError(`failOffer: offer ${offer} is already procured; call failOffer before procuring it`);
        ctx.world.faults.unshift({ matches: (o) => o.offer_id === id, fate: failure });
      } else if (typeof offer === "function") {
        ctx.world.faults.unshift({ matches: offer, fate: failure });
      } else {
        throw new TypeError("failOffer: give an offer id or a predicate over offers");
      }
    },
    reset() {
      requests = [];
      faults.clear();
      clock.reset();
      start();
    },
  };
  Object.defineProperty(sim, RAW_ANSWER, { value: answer });
  return sim;
}

// The adapters (Node's http server, MSW) hand requests over without building a fetch Request,
// which cannot carry a GET body. A registered symbol, so that every copy of this module agrees.
const RAW_ANSWER = Symbol.for("@cdesk/simulator.answer");

/** Answers a request the adapters read themselves (internal: not exported from the package). */
export function answerRaw(sim: Simulator, req: IncomingRequest): Answer {
  const raw = (sim as unknown as Record<symbol, ((req: IncomingRequest) => Answer) | undefined>)[RAW_ANSWER];
  if (!raw) throw new TypeError("expected a simulator made by createSimulator()");
  return raw(req);
}

function record(req: IncomingRequest, status: number, requestId: string): RecordedRequest {
  const headers = { ...req.headers };
  if (headers.authorization !== undefined) headers.authorization = `${headers.authorization.split(" ")[0]} [redacted]`;
  const query: Record<string, string> = {};
  for (const [key, value] of req.url.searchParams) query[key] = value;
  return { method: req.method, path: req.url.pathname, query, headers, body: req.body === "" ? undefined : req.body, status, requestId };
}
