import { expect, it } from "vitest";
import { createProgress, useColor } from "./progress.js";

function memoryStream(isTTY = false) {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (text: string) => chunks.push(text) };
}

it("writes one plain line per change of stage when not on a terminal", () => {
  const stream = memoryStream();
  const progress = createProgress(stream, {}, "Waiting for offer 3f6c to be ready");
  progress.update("provisioning started", 0);
  progress.update("provisioning started", 1_000);
  progress.update("provisioning in progress: 0/1 instances running", 2_500);
  progress.succeed("ready");
  expect(stream.chunks.join("")).toBe(
    [
      "Waiting for offer 3f6c to be ready",
      "[0s] provisioning started",
      "[2s] provisioning in progress: 0/1 instances running",
      "✔ ready",
      "",
    ].join("\n"),
  );
});

it("falls back to plain lines on a terminal that reports no width", () => {
  const stream = { ...memoryStream(true), columns: 0 };
  createProgress(stream, {}, "Waiting").update("deleting", 0);
  expect(stream.chunks).toEqual(["Waiting\n", "[0s] deleting\n"]);
});

it("colours only a terminal without NO_COLOR", () => {
  expect(useColor(memoryStream(true), {})).toBe(true);
  expect(useColor(memoryStream(true), { NO_COLOR: "1" })).toBe(false);
  expect(useColor(memoryStream(false), {})).toBe(false);
});

it("shows the server's stage text without its escape sequences, one line each", () => {
  const stream = memoryStream();
  const progress = createProgress(stream, {}, "Waiting");
  progress.update("provisioning\u001b[2J started\n\u001b]0;owned\u0007now", 0);
  expect(stream.chunks).toEqual(["Waiting\n", "[0s] provisioning started now\n"]);
});
