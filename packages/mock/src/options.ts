import type { ScenarioName } from "./scenarios.js";
import type { Violation } from "./violations.js";

/** Options of {@link startMockServer}. All are optional. */
export interface MockServerOptions {
  /**
   * Port to listen on; `0` picks a free one (read it back from `mock.port` / `mock.url`).
   * @default 0
   * @example { port: 4010 }
   */
  port?: number;
  /**
   * Interface to listen on.
   * @default "127.0.0.1"
   * @example { host: "0.0.0.0" }
   */
  host?: string;
  /**
   * Generate responses from the schemas (Prism's `--dynamic`) instead of answering the spec's
   * examples. Properties the schemas do not declare are never invented (Prism's
   * `--json-schema-faker-fillProperties=false`), so a free-form map such as the
   * `/available_gpus` body comes back empty.
   * @default false
   * @example { dynamic: true, seed: 42 }
   */
  dynamic?: boolean;
  /**
   * Seed for dynamic responses: the same seed gives the same responses, run after run.
   * Only meaningful with `dynamic: true`.
   * @default undefined (random)
   * @example { dynamic: true, seed: "demo" }
   */
  seed?: string | number;
  /**
   * Steps responses through the spec's named examples, request after request (Prism itself is
   * stateless). See {@link scenarioNames}.
   * @default undefined (every request gets the first example of its response)
   * @example { scenario: "provisioning" }
   */
  scenario?: ScenarioName;
  /**
   * OpenAPI document to serve (YAML or JSON, local `$ref`s only).
   * @default the spec shipped by `@cdesk/types` (`@cdesk/types/openapi.yaml`)
   * @example { spec: "./openapi/supply-api.yaml" }
   */
  spec?: string;
  /**
   * Instead of mocking, forward every request to this server and validate its responses
   * against the spec (Prism's `proxy --errors`): a response that breaks the spec is replaced by
   * a 500 listing the violations, and each violation is reported to `onViolation`. Requests go
   * upstream as sent (YAML stays YAML); requests without a bearer token get 401 from Prism.
   * @default undefined (mock mode)
   * @example { proxy: "https://supply-api.compute-desk.com" }
   */
  proxy?: string;
  /**
   * Called for every violation Prism finds (requests and responses; in mock mode mostly
   * rejected requests). The bin prints them with {@link formatViolation}.
   * @default undefined
   * @example { onViolation: (v) => console.warn(formatViolation(v)) }
   */
  onViolation?: (violation: Violation) => void;
  /**
   * How long Prism may take to answer its first request before start-up fails.
   * @default 30000
   * @example { startTimeoutMs: 60_000 }
   */
  startTimeoutMs?: number;
}

/** A running mock. Call `close()` when done (for example in a vitest teardown). */
export interface MockServer {
  /** Base URL to give the client, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  readonly url: string;
  /** The port actually listened on (useful with `port: 0`). */
  readonly port: number;
  /** Process id of the Prism child process (to check it is gone after `close()`). */
  readonly prismPid: number;
  /**
   * The violations reported so far (the latest 1000; see `onViolation`). In mock mode these
   * are requests that broke the spec (each also got a 4xx): `expect(mock.violations).toEqual([])`
   * after a test checks that your code only sent valid requests.
   */
  readonly violations: readonly Violation[];
  /** Stops the server and Prism; resolves once both are gone. Safe to call twice. */
  close(): Promise<void>;
}
