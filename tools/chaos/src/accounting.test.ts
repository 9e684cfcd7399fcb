import type { AcquireAttempt } from "@cdesk/poller";
import { expect, it } from "vitest";
import { unaccountedResources } from "./accounting.js";

const attempt = (resources: AcquireAttempt["resources"]): AcquireAttempt =>
  ({ offer: { offer_id: "o" }, outcome: "failed", error: undefined, procurement: undefined, status: undefined, resources }) as AcquireAttempt;

it("passes when every created resource is reported with a true fate", () => {
  const created = [
    { resource_id: "a", status: "deleted" },
    { resource_id: "b", status: "deleting" },
    { resource_id: "c", status: "running" },
  ];
  const attempts = [attempt([{ resourceId: "a", fate: "deleted" }, { resourceId: "b", fate: "deleting" }]), attempt([{ resourceId: "c", fate: "kept" }])];
  expect(unaccountedResources(created, attempts)).toEqual([]);
});

it("names a resource no attempt lists, a fate that is not true, and an id the simulator never made", () => {
  const created = [
    { resource_id: "lost", status: "running" },
    { resource_id: "wrong", status: "running" },
  ];
  const attempts = [attempt([{ resourceId: "wrong", fate: "deleted" }, { resourceId: "ghost", fate: "kept" }])];
  expect(unaccountedResources(created, attempts)).toEqual([
    "lost (running) is on no attempt",
    "wrong reported deleted, is running",
    "ghost reported, but the simulator never created it",
  ]);
});
