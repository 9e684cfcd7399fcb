// Random methods, paths, headers, bodies and YAML thrown at the simulator, in-process and over
// HTTP: it never crashes, never hangs, never answers 5xx (no fault is injected here), always
// answers JSON with x-request-id, and answers a matched operation only with a status the spec declares.
import { request } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { matchRoute } from "../src/routes.js";
import { createSimulator, type NodeSimulator, type SimulatorServer } from "../src/node.js";
import { conformance } from "./spec-responses.js";

const uuid = fc.uuid({ version: 4 });
const segment = fc.oneof(
  fc.constantFrom("offers", "status", "resources", "get_offers", "procure_offer", "available_gpus", "", "..", ".", "%", "%zz", "%2F", "%00", "null", "-1"),
  uuid,
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const path = fc.oneof(
  fc.constantFrom("/get_offers", "/procure_offer", "/resources", "/available_gpus", "/available_storage", "/", "//", "/offers/", "/resources/", "/available_gpus//"),
  uuid.map((id) => `/offers/${id}/status`),
  fc.constantFrom("/offers/KNOWN_OFFER", "/offers/KNOWN_OFFER/status", "/resources/KNOWN_RESOURCE"),
  uuid.map((id) => `/resources/${id}`),
  fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join("/")}`),
);
const query = fc.oneof(
  fc.constant(""),
  fc.constantFrom("?force=true", "?force_refresh=yes", "?force_refresh=maybe", "?offer_id=nope", "?offer_id=", "?a=1&a=2", "?%zz=1"),
  fc.dictionary(fc.constantFrom("force", "force_refresh", "offer_id", "x"), fc.string({ maxLength: 8 }), { maxKeys: 3 }).map(
    (q) => `?${new URLSearchParams(q)}`,
  ),
);
const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
const authorization = fc.option(fc.oneof(fc.constant("Bearer fuzz"), fc.constantFrom("", "Bearer", "Bearer ", "Basic x", "bearer t"), fc.string({ maxLength: 10 })), {
  nil: undefined,
});
const contentType = fc.option(fc.constantFrom("application/json", "application/yaml", "text/plain", "application/problem+json", "multipart/form-data", "application/json; charset=utf-8", "x"), {
  nil: undefined,
});

const yamlScalar = fc.oneof(
  fc.constantFrom("yes", "no", "on", "~", "null", "1e400", ".inf", "-.nan", "0x1F", "0o17", "2026-01-01", "12:30:00", "!!binary aGVsbG8=", "!!python/object:os.system", "&a x", "*a", "*missing", "'", '"', "[", "{", "|", ">", "H100 | A100", "-1", "0", "3.5"),
  fc.string({ maxLength: 10 }),
  fc.integer().map(String),
);
const yamlKey = fc.constantFrom("region", "vendor", "compute", "gpu_type", "gpu_count", "max_price_per_gpu_hour", "contract_type", "storage", "network", "supports_cilium", "<<", "? x", "type", "size");
const yamlLine = fc.tuple(fc.nat({ max: 3 }), yamlKey, yamlScalar, fc.boolean()).map(([indent, key, value, list]) => `${"  ".repeat(indent)}${list ? "- " : ""}${key}: ${value}`);
const yamlDoc = fc.oneof(
  fc.array(yamlLine, { maxLength: 8 }).map((lines) => lines.join("\n")),
  fc.constantFrom("---\na: 1\n---\nb: 2", "a: &a [*a]", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]", "{".repeat(500), "- ".repeat(300) + "x", "\t\tcompute: x", "%YAML 1.1\n---\ncompute: {gpu_type: H100}"),
  fc.string({ maxLength: 200 }),
);
const jsonBody = fc.oneof(
  fc.json({ maxDepth: 3 }),
  uuid.map((id) => JSON.stringify({ offer_id: id, ssh_public_key: "ssh-ed25519 AAAA" })),
  fc.constant(JSON.stringify({ offer_id: "KNOWN_OFFER", ssh_public_key: "ssh-ed25519 AAAA" })),
  fc.record({ offer_id: fc.oneof(uuid, fc.string()), ssh_public_key: fc.string({ maxLength: 5 }), cloud_init: fc.option(fc.string({ maxLength: 20 })) }).map((b) => JSON.stringify(b)),
  fc.string({ maxLength: 50 }),
);
const body = fc.option(fc.oneof(yamlDoc, jsonBody), { nil: undefined });

const requestArb = fc.record({ method, path, query, authorization, contentType, body, origin: fc.option(fc.constant("http://localhost:3000"), { nil: undefined }) });

let sim: NodeSimulator;
let server: SimulatorServer;
const known = { offers: [] as string[], resources: [] as string[] };

// Ids that exist, so that random requests reach the state too, not only the 404s.
beforeAll(async () => {
  sim = createSimulator({ clock: "manual", provisioningMs: 1_000 });
  server = await sim.listen({ port: 0 });
  const headers = { authorization: "Bearer fuzz" };
  const search = await sim.fetch(`${sim.url}/get_offers`, { method: "POST", headers, body: "compute:\n  gpu_type: L4\n" });
  known.offers = (await search.json()).offers.map((o: { offer_id: string }) => o.offer_id);
  for (const offerId of known.offers.slice(0, 3)) {
    const procured = await sim.fetch(`${sim.url}/procure_offer`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ offer_id: offerId, ssh_public_key: "ssh-ed25519 AAAA" }),
    });
    known.resources.push(...(await procured.json()).resource_ids);
  }
});

let picks = 0;
/** Replaces the placeholders by ids from the state, in turn. */
function withKnownIds(text: string): string {
  picks++;
  return text
    .replaceAll("KNOWN_OFFER", known.offers[picks % known.offers.length]!)
    .replaceAll("KNOWN_RESOURCE", known.resources[picks % known.resources.length]!);
}

afterAll(async () => {
  await server?.close();
});

function checkAnswer(req: { method: string; path: string }, status: number, text: string, requestId: string | null | undefined, location?: string | null): void {
  expect(status).toBeGreaterThanOrEqual(200);
  expect(status).toBeLessThan(500);
  expect(requestId).toBeTruthy();
  // A trailing-slash redirect (Starlette's redirect_slashes) has no body, only a relative Location.
  if (status === 307) return expect(location).toMatch(/^\//);
  if (req.method === "HEAD" || (req.method === "OPTIONS" && status === 200)) return;
  const parsed = JSON.parse(text);
  const pathname = new URL(`http://x${req.path.startsWith("/") ? req.path : `/${req.path}`}`).pathname;
  const match = matchRoute(req.method, pathname);
  if (match.kind === "operation") expect(conformance(req.method, match.route.path, status, parsed)).toEqual([]);
}

test("in-process: random requests never crash, hang or answer 5xx", async () => {
  await fc.assert(
    fc.asyncProperty(requestArb, async (r) => {
      // Time passes between requests: provisioning, deletions and expiry happen along the way.
      sim.advance(60_000);
      const headers: Record<string, string> = {};
      if (r.authorization !== undefined) headers.authorization = r.authorization;
      if (r.contentType !== undefined) headers["content-type"] = r.contentType;
      if (r.origin !== undefined) headers.origin = r.origin;
      const withBody = r.method !== "GET" && r.method !== "HEAD";
      const target = withKnownIds(`${r.path}${r.query}`);
      const payload = withBody && r.body !== undefined ? withKnownIds(r.body) : undefined;
      const response = await sim.fetch(`${sim.url}${target}`, { method: r.method, headers, body: payload });
      checkAnswer({ method: r.method, path: withKnownIds(r.path) }, response.status, await response.text(), response.headers.get("x-request-id"));
    }),
    { numRuns: 1500 },
  );
}, 60_000);

function rawRequest(method: string, target: string, headers: Record<string, string>, body: string | undefined): Promise<{ status: number; text: string; requestId: string | undefined; location: string | undefined }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path: target, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode!, text, requestId: res.headers["x-request-id"] as string | undefined, location: res.headers.location }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

test("over HTTP: raw targets and GET bodies never crash, hang or answer 5xx", async () => {
  const rawTarget = fc.oneof(path.map((p) => p), fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /^[\x21-\x7e]+$/.test(s)).map((s) => `/${s}`));
  await fc.assert(
    fc.asyncProperty(method, rawTarget, query, authorization, contentType, body, async (m, target, q, auth, type, payload) => {
      const headers: Record<string, string> = {};
      if (auth !== undefined && /^[\x20-\x7e]*$/.test(auth)) headers.authorization = auth;
      if (type !== undefined) headers["content-type"] = type;
      const sent = payload === undefined ? undefined : withKnownIds(payload);
      if (sent !== undefined) headers["content-length"] = String(Buffer.byteLength(sent));
      const answer = await rawRequest(m, withKnownIds(`${target}${q}`), headers, sent);
      checkAnswer({ method: m, path: target }, answer.status, answer.text, answer.requestId, answer.location);
    }),
    { numRuns: 300 },
  );
}, 60_000);
