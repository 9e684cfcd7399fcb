import { describe, expect, it } from "vitest";
import { changesetFor, defaultBump } from "./write-changeset.mjs";

describe("defaultBump", () => {
  it("is minor for breaking changes while 0.x, major from 1.0, patch otherwise", () => {
    expect(defaultBump(true, "0.4.2")).toBe("minor");
    expect(defaultBump(true, "1.0.0")).toBe("major");
    expect(defaultBump(false, "0.4.2")).toBe("patch");
    expect(defaultBump(false, "2.1.0")).toBe("patch");
  });
});

describe("changesetFor", () => {
  const changes = [
    { breaking: false, scope: /** @type {const} */ ("operation"), where: "GET /regions", change: "operation added" },
    { breaking: true, scope: /** @type {const} */ ("response"), where: "OfferStatus.progress", change: "may now be null" },
  ];

  it("bumps every package that embeds or serves the spec, with the summary as the changelog entry", () => {
    const { fileName, content } = changesetFor({
      changes,
      bump: "minor",
      upstreamVersion: { before: "0.1.0", after: "0.2.0" },
      source: "https://supply-api.compute-desk.com/openapi.json",
    });
    expect(content).toBe(
      [
        "---",
        '"@cdesk/types": minor',
        '"@cdesk/client": minor',
        '"@cdesk/mock": minor',
        "---",
        "",
        "Supply API spec updated from https://supply-api.compute-desk.com/openapi.json (version 0.1.0 → 0.2.0): 1 breaking, 1 other change.",
        "",
        "- **BREAKING** response `OfferStatus.progress`: may now be null",
        "- `GET /regions`: operation added",
        "",
      ].join("\n"),
    );
    expect(fileName).toMatch(/^spec-update-0\.2\.0-[0-9a-f]{8}\.md$/);
  });

  it("says so when only descriptions or examples changed", () => {
    const { content } = changesetFor({ changes: [], bump: "patch", upstreamVersion: { before: "0.2.0", after: "0.2.0" }, source: "openapi/upstream.yaml" });
    expect(content).toContain("Supply API spec updated from openapi/upstream.yaml (version 0.2.0): descriptions, examples or metadata only.\n");
  });
});
