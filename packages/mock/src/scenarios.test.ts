import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { parse } from "yaml";
import { verifyScenario } from "./scenario-player.js";
import { isScenarioName, scenarioNames, scenarios } from "./scenarios.js";
import { defaultSpecPath } from "./spec-file.js";
import { readOperations } from "./spec-model.js";

const operations = readOperations(parse(readFileSync(defaultSpecPath(), "utf8")));

test.each(scenarioNames)("scenario %s only uses the shipped spec's examples", (name) => {
  expect(() => verifyScenario(name, scenarios[name], operations)).not.toThrow();
});

test("scenario names", () => {
  expect(scenarioNames).toEqual(["provisioning", "provisioning-fails", "deletion", "lifecycle"]);
  expect(isScenarioName("deletion")).toBe(true);
  expect(isScenarioName("toString")).toBe(false);
});
