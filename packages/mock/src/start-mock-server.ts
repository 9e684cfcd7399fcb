import { startFrontServer, type FrontServer, type FrontServerOptions, type RequestDecorator } from "./front-server.js";
import type { MockServer, MockServerOptions } from "./options.js";
import { startPrism, type PrismProcess } from "./prism-process.js";
import { createScenarioPlayer, verifyScenario } from "./scenario-player.js";
import { isScenarioName, scenarioNames, scenarios } from "./scenarios.js";
import { defaultSpecPath, readSpec, writePrismSpec } from "./spec-file.js";
import { readOperations, type OperationModel } from "./spec-model.js";
import type { Violation } from "./violations.js";

// Prism alone took up to 8 s to listen on this 2-core machine while other test suites ran.
const DEFAULT_START_TIMEOUT_MS = 30_000;
/** `mock.violations` keeps the latest ones only, so a long-running proxy does not grow forever. */
const MAX_KEPT_VIOLATIONS = 1000;

/** Checks the options before anything starts, naming the option and the rule broken. */
function checkOptions(options: MockServerOptions): void {
  const { port, scenario, proxy, seed, startTimeoutMs } = options;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new TypeError(`options.port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  if (scenario !== undefined && !isScenarioName(scenario)) {
    throw new TypeError(`options.scenario must be one of ${scenarioNames.join(", ")}, got "${String(scenario)}"`);
  }
  if (proxy !== undefined && !/^https?:\/\/[^/]/.test(proxy)) {
    throw new TypeError(`options.proxy must be an http(s) URL, got "${proxy}"`);
  }
  if (proxy !== undefined && (scenario !== undefined || options.dynamic)) {
    throw new TypeError("options.proxy cannot be combined with scenario or dynamic: a proxy answers what the upstream answers");
  }
  if (seed !== undefined && !(typeof seed === "number" || typeof seed === "string")) {
    throw new TypeError(`options.seed must be a string or a number, got ${typeof seed}`);
  }
  if (startTimeoutMs !== undefined && !(Number.isFinite(startTimeoutMs) && startTimeoutMs > 0)) {
    throw new TypeError(`options.startTimeoutMs must be a positive number of milliseconds, got ${String(startTimeoutMs)}`);
  }
}

function prismArgs(options: MockServerOptions, specPath: string): string[] {
  // --errors: in mock mode, an example that breaks its own schema becomes a 500 instead of
  // passing silently; in proxy mode, a violating upstream response becomes a 500.
  // --validate-request=false in proxy mode: Prism would forward the JSON the front made of a
  // YAML body (the API wants YAML), and a request it rejects never reaches the API, whose own
  // error answer is worth checking too. The proxy checks the API, not the caller.
  if (options.proxy !== undefined) return ["proxy", specPath, options.proxy, "--errors", "--validate-request=false"];
  const args = ["mock", specPath, "--errors"];
  if (options.dynamic) {
    args.push("--dynamic", "--json-schema-faker-fillProperties=false");
    if (options.seed !== undefined) args.push("--seed", String(options.seed));
  }
  return args;
}

function scenarioDecorator(options: MockServerOptions, operations: readonly OperationModel[]): RequestDecorator | undefined {
  if (options.scenario === undefined) return undefined;
  const routes = scenarios[options.scenario];
  verifyScenario(options.scenario, routes, operations);
  const player = createScenarioPlayer(routes);
  return ({ method, operation, params, headers }) => {
    // A request that asks Prism for something itself keeps its choice and does not advance the scenario.
    if (headers.prefer !== undefined) return { headers: {}, answered: () => {} };
    const pick = player.pick(method, operation.route.template, params);
    const prefer: Record<string, string> = pick.example === undefined ? {} : { prefer: `example=${pick.example}` };
    return {
      headers: prefer,
      answered: (status) => {
        if (status >= 200 && status < 300) pick.answered();
      },
    };
  };
}

/**
 * Starts a Prism mock of the Supply API (or a validating proxy) behind a small front server,
 * and resolves once it answers requests.
 *
 * @example
 * const mock = await startMockServer({ scenario: "provisioning" });
 * const client = createCdeskClient({ baseUrl: mock.url, token: "test-token" }); // @cdesk/client
 * // ...
 * await mock.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  checkOptions(options);
  const host = options.host ?? "127.0.0.1";
  const document = await readSpec(options.spec ?? defaultSpecPath());
  const operations = readOperations(document);
  const decorate = scenarioDecorator(options, operations);
  const violations: Violation[] = [];

  const frontOptions: FrontServerOptions = {
    host,
    port: options.port ?? 0,
    operations,
    decorate,
    mode: options.proxy === undefined ? "mock" : "proxy",
    onViolations: (found) => {
      violations.push(...found);
      violations.splice(0, violations.length - MAX_KEPT_VIOLATIONS);
      for (const violation of found) options.onViolation?.(violation);
    },
  };

  const specFile = await writePrismSpec(document);
  let front: FrontServer | undefined;
  let prism: PrismProcess;
  try {
    // The front first: a taken port fails before Prism is spawned.
    front = await startFrontServer(frontOptions);
    prism = await startPrism({
      args: prismArgs(options, specFile.path),
      startTimeoutMs: options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
      ownedDir: specFile.directory,
    });
  } catch (error) {
    await Promise.allSettled([front?.close(), specFile.remove()]);
    throw error;
  }
  front.connect(prism.port);
  const running = { front, prism };

  let closing: Promise<void> | undefined;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${front.port}`,
    port: front.port,
    prismPid: prism.pid,
    violations,
    close() {
      closing ??= Promise.allSettled([running.front.close(), running.prism.stop()]).then(async (results) => {
        await specFile.remove();
        const failure = results.find((result) => result.status === "rejected");
        if (failure) throw failure.reason;
      });
      return closing;
    },
  };
}
