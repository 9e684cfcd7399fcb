import { expect, test } from "vitest";
import { corsHeaders } from "./cors-headers.js";

test("echoes the Origin and exposes every header, as Prism does", () => {
  expect(corsHeaders("http://app.test")).toEqual({
    "access-control-allow-origin": "http://app.test",
    "access-control-allow-credentials": "true",
    "access-control-allow-headers": "*",
    "access-control-expose-headers": "*",
  });
  expect(corsHeaders(undefined)["access-control-allow-origin"]).toBe("*");
});
