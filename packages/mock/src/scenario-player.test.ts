import { expect, test } from "vitest";
import { createScenarioPlayer, verifyScenario } from "./scenario-player.js";
import type { ScenarioRoute } from "./scenarios.js";
import { readOperations } from "./spec-model.js";

const STATUS = "/offers/{offer_id}/status";
const RESOURCE = "/resources/{resource_id}";

/** Asks `times` times and records every pick as a successful answer. */
function play(player: ReturnType<typeof createScenarioPlayer>, method: string, path: string, params: Record<string, string>, times: number) {
  return Array.from({ length: times }, () => {
    const pick = player.pick(method, path, params);
    pick.answered();
    return pick.example;
  });
}

test("examples are served in order per id, and the last one sticks", () => {
  const player = createScenarioPlayer([{ method: "GET", path: STATUS, examples: ["started", "in_progress", "ready"] }]);
  expect(play(player, "GET", STATUS, { offer_id: "a" }, 4)).toEqual(["started", "in_progress", "ready", "ready"]);
  expect(play(player, "GET", STATUS, { offer_id: "b" }, 1)).toEqual(["started"]);
});

test("a pick that is not answered with success does not advance", () => {
  const player = createScenarioPlayer([{ method: "GET", path: STATUS, examples: ["started", "ready"] }]);
  player.pick("GET", STATUS, { offer_id: "a" });
  expect(play(player, "GET", STATUS, { offer_id: "a" }, 1)).toEqual(["started"]);
});

test("an `after` route takes over once its trigger was answered for the same id", () => {
  const player = createScenarioPlayer([
    { method: "DELETE", path: RESOURCE, examples: ["deleting"] },
    { method: "GET", path: RESOURCE, examples: ["running"] },
    { method: "GET", path: RESOURCE, examples: ["deleting", "deleted"], after: `DELETE ${RESOURCE}` },
  ]);
  const id = { resource_id: "r" };
  expect(play(player, "GET", RESOURCE, id, 2)).toEqual(["running", "running"]);
  expect(play(player, "DELETE", RESOURCE, id, 1)).toEqual(["deleting"]);
  expect(play(player, "GET", RESOURCE, { resource_id: "other" }, 1)).toEqual(["running"]);
  expect(play(player, "GET", RESOURCE, id, 3)).toEqual(["deleting", "deleted", "deleted"]);
});

test("requests the scenario does not cover get no example", () => {
  const player = createScenarioPlayer([{ method: "GET", path: STATUS, examples: ["ready"] }]);
  expect(player.pick("GET", "/available_gpus", {}).example).toBeUndefined();
  expect(player.pick("POST", STATUS, { offer_id: "a" }).example).toBeUndefined();
});

const operations = readOperations({
  paths: {
    [STATUS]: {
      get: {
        responses: {
          "200": { content: { "application/json": { examples: { started: {}, ready: {} } } } },
          "404": { content: { "application/json": { examples: { not_found: {} } } } },
        },
      },
    },
  },
});

test("a scenario that matches the spec passes verification", () => {
  expect(() => verifyScenario("ok", [{ method: "GET", path: STATUS, examples: ["started", "ready"] }], operations)).not.toThrow();
});

test("verification lists every example, route and trigger the spec lacks", () => {
  const routes: ScenarioRoute[] = [
    { method: "GET", path: STATUS, examples: ["started", "not_found", "exploded"], after: "POST /procure_offer" },
    { method: "DELETE", path: STATUS, examples: ["x"] },
  ];
  expect(() => verifyScenario("broken", routes, operations)).toThrow(
    [
      'Scenario "broken" does not match the spec:',
      `- GET ${STATUS}: "after" names POST /procure_offer, not an operation of the spec`,
      `- GET ${STATUS}: the 200 response has no example "not_found" (it has: started, ready)`,
      `- GET ${STATUS}: the 200 response has no example "exploded" (it has: started, ready)`,
      `- DELETE ${STATUS} is not an operation of the spec`,
    ].join("\n"),
  );
});
