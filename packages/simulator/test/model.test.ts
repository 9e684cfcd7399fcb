// A long randomised run against a model of the service: fast-check picks commands (search,
// procure, status, details, list, get, delete, advance the clock, inject faults, fail offers) and
// every answer is checked against the spec's schema for its status, then against the state rules
// the model keeps: fresh ids, answers about the offer asked for, 409/410 when due, one state per
// resource, deleted stays deleted.
import fc from "fast-check";
import { expect, test } from "vitest";
import { createSimulator, type Simulator } from "../src/index.js";
import { conformance } from "./spec-responses.js";

const TEMPLATE = /^\/offers\/[^/]+\/status$/;
const HOUR = 3_600_000;

interface Model {
  now: number;
  offers: Map<string, { createdMs: number; procured: boolean; fate: string }>;
  resources: Map<string, { offerId: string; deleteRequested: boolean; seenDeleted: boolean }>;
  faults: Map<string, number[]>;
}

interface Real {
  sim: Simulator;
}

interface Answered {
  status: number;
  body: any;
}

/** Sends one request, checks conformance, consumes the model's pending fault; returns undefined when a fault answered. */
async function send(model: Model, real: Real, method: string, template: string, path: string, body?: string, contentType?: string): Promise<Answered | undefined> {
  const headers: Record<string, string> = { authorization: "Bearer model" };
  if (contentType) headers["content-type"] = contentType;
  const response = await real.sim.fetch(`${real.sim.url}${path}`, { method, headers, body });
  const parsed = await response.json();
  expect(conformance(method, template, response.status, parsed)).toEqual([]);
  expect(response.headers.get("x-request-id")).toBeTruthy();
  const key = `${method} ${template}`;
  const queue = model.faults.get(key);
  if (queue?.length) {
    expect(response.status).toBe(queue.shift());
    return undefined;
  }
  expect(response.status).toBeLessThan(500);
  return { status: response.status, body: parsed };
}

/**
 * A quarter of the picks are an unknown id; of the rest, half come from the ids already acted on
 * (procured offers, resources being deleted), so that repeats (409s) are common, not lucky.
 */
function knownOrRandom(all: readonly string[], actedOn: readonly string[], pick: number, random: string): string {
  if (all.length === 0 || pick % 4 === 0) return random;
  const pool = pick % 4 === 1 && actedOn.length > 0 ? actedOn : all;
  return pool[Math.floor(pick / 4) % pool.length]!;
}

const offerIds = (model: Model) => [[...model.offers.keys()], [...model.offers].filter(([, o]) => o.procured).map(([id]) => id)] as const;
const resourceIds = (model: Model) => [[...model.resources.keys()], [...model.resources].filter(([, r]) => r.deleteRequested).map(([id]) => id)] as const;

class Search implements fc.AsyncCommand<Model, Real> {
  constructor(readonly yaml: string) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const answer = await send(model, real, "POST", "/get_offers", "/get_offers", this.yaml, "application/yaml");
    if (!answer) return;
    expect(answer.status).toBe(200);
    expect(answer.body.total_count).toBe(answer.body.offers.length);
    const prices = answer.body.offers.map((o: any) => o.total_price_per_hour);
    expect(prices).toEqual([...prices].sort((a: number, b: number) => a - b));
    for (const offer of answer.body.offers) {
      expect(model.offers.has(offer.offer_id)).toBe(false);
      expect(Date.parse(offer.expires_at) - Date.parse(offer.created_at)).toBe(30 * 60_000);
      model.offers.set(offer.offer_id, { createdMs: model.now, procured: false, fate: "ok" });
    }
  }
  toString = () => `search(${JSON.stringify(this.yaml)})`;
}

class Procure implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number, readonly random: string) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = knownOrRandom(...offerIds(model), this.pick, this.random);
    const body = JSON.stringify({ offer_id: id, ssh_public_key: "ssh-ed25519 AAAA model" });
    const answer = await send(model, real, "POST", "/procure_offer", "/procure_offer", body, "application/json");
    if (!answer) return;
    const known = model.offers.get(id);
    const expected = !known ? 404 : known.procured ? 409 : model.now - known.createdMs >= 30 * 60_000 ? 410 : 200;
    expect(answer.status).toBe(expected);
    if (expected !== 200) return;
    known!.procured = true;
    expect(answer.body.offer_id).toBe(id);
    if (known!.fate === "procure") {
      expect(answer.body).toMatchObject({ status: "failed", resource_ids: null });
      return;
    }
    expect(answer.body.status).toBe("provisioning_in_progress");
    for (const rid of answer.body.resource_ids) {
      expect(model.resources.has(rid)).toBe(false);
      model.resources.set(rid, { offerId: id, deleteRequested: false, seenDeleted: false });
    }
  }
  toString = () => `procure(${this.pick})`;
}

class Status implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number, readonly random: string, readonly details: boolean) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = knownOrRandom(...offerIds(model), this.pick, this.random);
    const answer = this.details
      ? await send(model, real, "GET", "/offers/{offer_id}", `/offers/${id}`)
      : await send(model, real, "GET", "/offers/{offer_id}/status", `/offers/${id}/status`);
    if (!answer) return;
    const known = model.offers.get(id);
    expect(answer.status).toBe(known ? 200 : 404);
    if (!known) return;
    expect(answer.body.offer_id).toBe(id);
    const expired = !known.procured && model.now - known.createdMs >= 30 * 60_000;
    if (expired) expect(answer.body.status).toBe("expired");
    if (!known.procured) expect(answer.body.status).not.toBe("procured");
    if (!this.details) {
      const owned = [...model.resources].filter(([, r]) => r.offerId === id).map(([rid]) => rid);
      expect(answer.body.resource_ids).toEqual(owned);
      for (const instance of answer.body.instances) {
        if (instance.external_ip !== null) expect(instance.external_ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\./);
      }
    }
  }
  toString = () => `${this.details ? "details" : "status"}(${this.pick})`;
}

function observe(model: Model, resource: any): void {
  const known = model.resources.get(resource.resource_id);
  expect(known).toBeDefined();
  if (known!.seenDeleted) expect(resource.status).toBe("deleted");
  if (resource.status === "deleted") known!.seenDeleted = true;
}

class List implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number | null) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const offers = [...model.offers.keys()];
    const filter = this.pick !== null && offers.length > 0 ? offers[this.pick % offers.length]! : undefined;
    const answer = await send(model, real, "GET", "/resources", filter ? `/resources?offer_id=${filter}` : "/resources");
    if (!answer) return;
    expect(answer.status).toBe(200);
    const ids = answer.body.map((r: any) => r.resource_id);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = [...model.resources].filter(([, r]) => !filter || r.offerId === filter).map(([id]) => id);
    expect([...ids].sort()).toEqual([...expected].sort());
    for (const resource of answer.body) observe(model, resource);
  }
  toString = () => `list(${this.pick})`;
}

class GetResource implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number, readonly random: string, readonly force: boolean) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = knownOrRandom(...resourceIds(model), this.pick, this.random);
    const answer = await send(model, real, "GET", "/resources/{resource_id}", `/resources/${id}${this.force ? "?force_refresh=true" : ""}`);
    if (!answer) return;
    expect(answer.status).toBe(model.resources.has(id) ? 200 : 404);
    if (answer.status === 200) {
      expect(answer.body.resource_id).toBe(id);
      observe(model, answer.body);
    }
  }
  toString = () => `get(${this.pick}, force=${this.force})`;
}

class Delete implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number, readonly random: string) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = knownOrRandom(...resourceIds(model), this.pick, this.random);
    const answer = await send(model, real, "DELETE", "/resources/{resource_id}", `/resources/${id}?force=true`);
    if (!answer) return;
    const known = model.resources.get(id);
    if (!known) return expect(answer.status).toBe(404);
    const offer = model.offers.get(known.offerId)!;
    if (known.deleteRequested || known.seenDeleted) expect(answer.status).toBe(409);
    else if (offer.fate === "capacity") expect([200, 409]).toContain(answer.status);
    else expect(answer.status).toBe(200);
    if (answer.status === 200) {
      expect(answer.body).toMatchObject({ resource_id: id, status: "deleting" });
      known.deleteRequested = true;
    }
  }
  toString = () => `delete(${this.pick})`;
}

class Advance implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    real.sim.advance(this.ms);
    model.now += this.ms;
  }
  toString = () => `advance(${this.ms})`;
}

const FAULTABLE = [
  ["POST", "/get_offers"],
  ["POST", "/procure_offer"],
  ["GET", "/offers/{offer_id}/status"],
  ["GET", "/resources"],
  ["DELETE", "/resources/{resource_id}"],
] as const;

class Fault implements fc.AsyncCommand<Model, Real> {
  constructor(readonly op: number, readonly status: number, readonly times: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const [method, path] = FAULTABLE[this.op % FAULTABLE.length]!;
    real.sim.failNext(`${method} ${path}`, { status: this.status, times: this.times, retryAfter: 1 });
    const queue = model.faults.get(`${method} ${path}`) ?? [];
    queue.push(...Array(this.times).fill(this.status));
    model.faults.set(`${method} ${path}`, queue);
  }
  toString = () => `fault(${this.op}, ${this.status} x${this.times})`;
}

class FailOffer implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number, readonly fate: "procure" | "capacity" | "provisioning") {}
  check = (model: Readonly<Model>) => [...model.offers.values()].some((o) => !o.procured);
  async run(model: Model, real: Real) {
    const open = [...model.offers].filter(([, o]) => !o.procured);
    const [id, offer] = open[this.pick % open.length]!;
    real.sim.failOffer(id, this.fate);
    offer.fate = this.fate;
  }
  toString = () => `failOffer(${this.pick}, ${this.fate})`;
}

const gpuTypes = fc.constantFrom("H100", "A100", "L4", "L40S", "H200", "nvidia-h100-sxm5-80gb", "H100 | A100", "B200");
const yamlQuery = fc
  .record({
    gpu: gpuTypes,
    count: fc.constantFrom(1, 2, 4, 8, 16),
    region: fc.option(fc.constantFrom("EU", "US", "APAC", "Other"), { nil: undefined }),
    price: fc.option(fc.constantFrom(0.5, 2, 5), { nil: undefined }),
    contract: fc.option(fc.constantFrom("ondemand", "spot"), { nil: undefined }),
  })
  .map(({ gpu, count, region, price, contract }) =>
    [
      region ? `region: ${region}` : "",
      "compute:",
      `  gpu_type: "${gpu}"`,
      `  gpu_count: ${count}`,
      price ? `  max_price_per_gpu_hour: ${price}` : "",
      contract ? `  contract_type: ${contract}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
  );

const search = yamlQuery.map((yaml) => new Search(yaml));
const procure = fc.tuple(fc.nat(), fc.uuid({ version: 4 })).map(([p, r]) => new Procure(p, r));
// Searches and procurements twice as often as the rest: most other commands need their results.
const commands = [
  search,
  search,
  procure,
  procure,
  fc.tuple(fc.nat(), fc.uuid({ version: 4 }), fc.boolean()).map(([p, r, d]) => new Status(p, r, d)),
  fc.option(fc.nat(), { nil: null }).map((p) => new List(p)),
  fc.tuple(fc.nat(), fc.uuid({ version: 4 }), fc.boolean()).map(([p, r, f]) => new GetResource(p, r, f)),
  fc.tuple(fc.nat(), fc.uuid({ version: 4 })).map(([p, r]) => new Delete(p, r)),
  fc.constantFrom(0, 500, 1_000, 3_000, 15_000, 31_000, 30 * 60_000, HOUR).map((ms) => new Advance(ms)),
  fc.tuple(fc.nat(), fc.constantFrom(429, 500, 502, 503, 504), fc.integer({ min: 1, max: 2 })).map(([o, s, t]) => new Fault(o, s, t)),
  fc.tuple(fc.nat(), fc.constantFrom("procure" as const, "capacity" as const, "provisioning" as const)).map(([p, f]) => new FailOffer(p, f)),
];

test("a long randomised run conforms to the spec and keeps the state rules", async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.commands(commands, { maxCommands: 80, size: "large" }), async (seed, cmds) => {
      const sim = createSimulator({ seed, clock: "manual", provisioningMs: 4_000, deletionMs: 2_000 });
      const model: Model = { now: 0, offers: new Map(), resources: new Map(), faults: new Map() };
      await fc.asyncModelRun(() => ({ model, real: { sim } }), cmds);
    }),
    { numRuns: 100 },
  );
}, 60_000);
