import { CdeskError, ERROR_KIND } from "@cdesk/client";
import { describe, expect, it } from "vitest";
import type { Offer } from "./client.js";
import { AcquireError } from "./error.js";
import type { AcquireAttempt } from "./record.js";

const offer = { offer_id: "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11" } as Offer;
const attempt = (outcome: AcquireAttempt["outcome"], resources: AcquireAttempt["resources"]): AcquireAttempt => ({
  offer, outcome, error: undefined, procurement: undefined, status: undefined, resources,
});

describe("AcquireError", () => {
  it("says what ended it, and every attempt with its resources' fates", () => {
    const cause = new CdeskError("socket hang up");
    const error = new AcquireError("The acquisition stopped", {
      cause,
      attempts: [attempt("failed", [{ resourceId: "r1", fate: "deleted" }, { resourceId: "r2", fate: "kept" }]), attempt("outcome-unknown", [])],
    });
    expect(error).toBeInstanceOf(CdeskError);
    expect(error).toMatchObject({ name: "AcquireError", cause });
    expect(error.message).toBe(
      `The acquisition stopped (CdeskError: socket hang up); offer ${offer.offer_id} failed (resources: r1 deleted, r2 kept); ` +
        `offer ${offer.offer_id} outcome unknown: check cdesk.offers.status before procuring again`,
    );
  });

  it("says so when nothing was procured", () => {
    expect(new AcquireError("No offer to procure", { attempts: [], cause: undefined }).message).toBe("No offer to procure; no offer was procured");
  });

  it("is recognised across copies of the package (ESM and CommonJS builds)", () => {
    class FromTheOtherBuild extends CdeskError {
      static override readonly [ERROR_KIND]: string = "AcquireError";
    }
    expect(new FromTheOtherBuild("x")).toBeInstanceOf(AcquireError);
  });
});
