import { expect, it } from "vitest";
import { fakeRuntime } from "../../test/support/fake-runtime.js";
import { cdeskOnFakeTime, useFakeTime } from "../../test/support/fake-time.js";
import { refusingFetch } from "../../test/support/fetch-faults.js";

// In-process on fake time: the client's retry pauses pass at once. The built bin's own runs are in
// test/contract/auth.test.ts.
it("auth status without an answer says the API could not tell, and why: exit 1", async () => {
  useFakeTime(refusingFetch);
  const io = fakeRuntime();

  expect(await cdeskOnFakeTime(["auth", "status"], io.runtime)).toBe(1);

  expect(io.stdout()).toMatch(/^API:\s+could not tell \(see the error\)$/m);
  expect(io.stdout()).not.toContain("test-token");
  expect(io.stderr()).toContain("error: GET http://127.0.0.1:4010/available_regions failed: connection refused (ECONNREFUSED).");
});
