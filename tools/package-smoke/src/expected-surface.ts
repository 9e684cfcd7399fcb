/**
 * Run-time exports each public package must have, as users call them. Not the whole surface
 * (each package's own tests own that): the entry points the docs and the consumer scenario use,
 * so an `exports` map pointing at the wrong file, or a build that drops an entry, fails here.
 */
export const expectedFunctions: Record<string, readonly string[]> = {
  "@cdesk/types": [],
  "@cdesk/client": ["createCdeskClient"],
  "@cdesk/poller": ["acquire", "AcquireError", "procureAndWait", "waitForOfferReady", "waitForResourceDeleted"],
  "@cdesk/mock": ["startMockServer"],
  "@cdesk/simulator": ["createSimulator"],
  "@cdesk/cli": [],
};

/** Bins and an invocation that must succeed without a server: `--help` exits 0 and prints usage. */
export const expectedBins: Record<string, readonly string[]> = {
  cdesk: ["--help"],
  "cdesk-mock": ["--help"],
  "cdesk-sim": ["--help"],
};

/**
 * What fixtures/consumer/scenario.mjs and scenario.cjs must print: the spec's named examples as served by the
 * mock (the two `h100_eu` offers, `provisioning_in_progress` procure, the `provisioning` scenario ending
 * `ready` with
 * its instance's ssh command) and a typed 404.
 */
export const expectedScenarioReport = {
  offers: 2,
  procureStatus: "provisioning_in_progress",
  readyStatus: "ready",
  sshCommand: "ssh root@203.0.113.10",
  notFound: "NotFoundError 404",
  mockClosed: true,
};
