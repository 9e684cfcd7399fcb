import { describe, expect, it } from "vitest";
import { describeStage, renderOfferStatus, sshCommands, stageLabel, type OfferStatusFields } from "./status.js";

const ready: OfferStatusFields = {
  offer_id: "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11",
  status: "procured",
  procurement_status: "ready",
  instances: [{ external_ip: "203.0.113.10", ssh_command: "ssh root@203.0.113.10", status: "running" }],
  resource_ids: ["c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24"],
  progress: "1/1 instances running",
  failure_reason: null,
  procured_at: "2026-11-29T10:05:00Z",
};

describe("stageLabel", () => {
  it("turns any stage the server sends into words", () => {
    expect(stageLabel("provisioning_in_progress")).toBe("provisioning in progress");
    expect(stageLabel("some_new_stage")).toBe("some new stage");
    expect(stageLabel("available")).toBe("available (not procured yet)");
  });
});

describe("describeStage", () => {
  it("adds the server's progress text, or the failure reason", () => {
    expect(describeStage({ procurement_status: "provisioning_in_progress", progress: "0/1 instances running" })).toBe(
      "provisioning in progress: 0/1 instances running",
    );
    expect(describeStage({ procurement_status: "failed", progress: null, failure_reason: "No capacity" })).toBe(
      "failed: No capacity",
    );
    expect(describeStage({ procurement_status: "provisioning_started" })).toBe("provisioning started");
  });
});

it("collects the ssh commands of the instances that have one", () => {
  expect(sshCommands({ instances: [{ ssh_command: null }, ...ready.instances] })).toEqual(["ssh root@203.0.113.10"]);
});

it("renders the status with an instance table once instances exist", () => {
  const lines = renderOfferStatus(ready).split("\n");
  expect(lines).toContain("Stage:           ready");
  expect(lines).toContain("Resources:       c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24");
  expect(lines.slice(-2)).toEqual([
    "INSTANCE  STATUS   IP            SSH",
    "1         running  203.0.113.10  ssh root@203.0.113.10",
  ]);
});

it("renders no instance table before provisioning starts", () => {
  const text = renderOfferStatus({ ...ready, procurement_status: "available", instances: [], resource_ids: [] });
  expect(text).toContain("Stage:           available (not procured yet)");
  expect(text).not.toContain("INSTANCE");
});
