import { describe, expect, it, onTestFinished } from "vitest";
import { formatDuration, timeLeft } from "./time.js";

describe("formatDuration", () => {
  it("shows seconds, then minutes and seconds, then hours and minutes", () => {
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(45_900)).toBe("45s");
    expect(formatDuration(185_000)).toBe("3m 05s");
    expect(formatDuration(3_720_000)).toBe("1h 02m");
  });

  it("never shows a negative duration", () => {
    expect(formatDuration(-5_000)).toBe("0s");
  });
});

describe("timeLeft", () => {
  const now = new Date("2026-11-29T10:00:48Z");

  it("counts down to the expiry", () => {
    expect(timeLeft("2026-11-29T10:30:00Z", now)).toBe("29m 12s");
  });

  it("says expired once the time has passed", () => {
    expect(timeLeft("2026-11-29T10:00:00Z", now)).toBe("expired");
  });

  it("reads a timestamp without an offset as UTC, whatever the local time zone", () => {
    // Node applies a change of TZ at once; Berlin is an hour off UTC in November.
    const zone = process.env.TZ;
    process.env.TZ = "Europe/Berlin";
    onTestFinished(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    expect(timeLeft("2026-11-29T10:30:00.538090", now)).toBe("29m 12s");
    expect(timeLeft("2026-11-29 10:30:00", now)).toBe("29m 12s");
    expect(timeLeft("2026-11-29T11:30:00+01:00", now)).toBe("29m 12s");
  });

  it("shows a dash when the server gave no (readable) expiry", () => {
    expect(timeLeft(null, now)).toBe("-");
    expect(timeLeft("soon", now)).toBe("-");
  });
});
