import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CdeskInputError } from "./errors.js";
import { toYamlQuery } from "./yaml-query.js";

const VERSIONS = ["1.2", "1.1"] as const;

/** Strings YAML would otherwise read as something else, or mangle inside double quotes. */
const TRICKY = [
  "yes", "no", "on", "off", "Yes", "NO", "y", "n", "true", "False", "null", "Null", "~", "",
  "1e+21", "1e3", "0x1F", "0o17", "017", "007", "1_000", "+1", ".5", "-.inf", ".NaN", "1:20", "2026-11-29",
  "<<", "=", "- item", "? key", "a: b", "#comment", "!tag", "&anchor", "*alias", "|", ">", "%YAML", "@", "`",
  "'single'", '"double"', "\\", "\t", "\n", "\r\n", " padded ", "\u0000", "\u0007", "\u001b", "\u007f",
  "\u0080", "\u0085", "\u009f", "\u00a0", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "😀", "e\u0301",
];
const TRICKY_NUMBERS = [1e21, 1.5e21, 5e-324, 1e-7, -1e-7, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE, -0, 0, 0.1];

const text = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: "binary" }), fc.string());
const key = text.filter((k) => k !== "__proto__");
const scalar = fc.oneof(
  text,
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...TRICKY_NUMBERS),
);
const { value: jsonValue } = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(key, tie("value"), { maxKeys: 4 }),
}));

describe("toYamlQuery round-trips through real YAML parsers", () => {
  for (const version of VERSIONS) {
    it(`any JSON value, parsed as YAML ${version}`, () => {
      fc.assert(
        fc.property(jsonValue, (value) => {
          expect(parse(toYamlQuery(value), { version })).toEqual(value);
        }),
        { numRuns: 500 },
      );
    });

    it(`any query-shaped object, parsed as YAML ${version}`, () => {
      const query = fc.record(
        {
          vendor: text,
          region: text,
          max_procure_time_seconds: fc.integer({ min: 1 }),
          compute: fc.record({
            gpu_type: text,
            gpu_count: fc.integer({ min: 1, max: 1024 }),
            max_price_per_gpu_hour: fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
            contract_type: text,
          }),
          network: fc.record({ supports_cilium: fc.boolean() }),
          storage: fc.array(fc.record({ type: text, size: fc.constantFrom("500GB", "2TB", "1.5 TiB"), persistent: fc.boolean() })),
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(query, (value) => {
          expect(parse(toYamlQuery(value), { version })).toEqual(value);
        }),
        { numRuns: 300 },
      );
    });

    it.each(TRICKY)(`keeps the string %j a string in YAML ${version}`, (value) => {
      expect(parse(toYamlQuery({ [value]: value }), { version })).toEqual({ [value]: value });
    });

    it.each(TRICKY_NUMBERS)(`keeps the number %d a number in YAML ${version}`, (value) => {
      expect(parse(toYamlQuery({ n: value }), { version })).toEqual({ n: value });
    });
  }
});

/**
 * The \`yaml\` package is lenient in 1.1 mode (it reads \`1e+21\` as a number and keeps a raw U+0085),
 * while PyYAML, the likely server parser, is not. These two properties state PyYAML's own rules.
 */
describe("toYamlQuery output follows YAML 1.1 as PyYAML applies it", () => {
  // PyYAML's resolver.py: what a plain scalar must look like to be an int or a float.
  const PYYAML_INT = /^[-+]?(?:0|[1-9][0-9_]*)$/;
  const PYYAML_FLOAT = /^[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?$/;
  // YAML 1.1 c-printable minus its line breaks other than \n: nothing else may appear raw.
  const NOT_RAW = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;

  it("writes every number as a YAML 1.1 int or float", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...TRICKY_NUMBERS)), (n) => {
        const token = toYamlQuery(n).trim();
        expect(Number.isInteger(n) && Math.abs(n) < 1e21 && !Object.is(n, -0) ? PYYAML_INT : PYYAML_FLOAT).toSatisfy(
          (re: RegExp) => re.test(token),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("writes no character raw that YAML 1.1 would fold or refuse", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: "binary" })), (value) => {
        expect(toYamlQuery({ [value]: [value] })).not.toMatch(NOT_RAW);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("toYamlQuery output", () => {
  it("is one flow mapping per line, keys and strings double-quoted", () => {
    expect(toYamlQuery({ region: "EU", compute: { gpu_type: "H100", gpu_count: 1, contract_type: "ondemand" } })).toBe(
      '{"region": "EU", "compute": {"gpu_type": "H100", "gpu_count": 1, "contract_type": "ondemand"}}\n',
    );
  });

  it("gives exponent numbers the dot YAML 1.1 needs", () => {
    expect(toYamlQuery({ a: 1e21, b: 5e-324, c: 1.5e21, d: -0 })).toBe(
      '{"a": 1.0e+21, "b": 5.0e-324, "c": 1.5e+21, "d": -0.0}\n',
    );
  });

  it("escapes the characters YAML treats specially inside double quotes", () => {
    expect(toYamlQuery(["\u0085\u2028\u2029\u007f\u009f\ufeff"])).toBe('["\\u0085\\u2028\\u2029\\u007f\\u009f\\ufeff"]\n');
  });

  it("leaves out undefined properties and writes undefined array items as null, as JSON does", () => {
    expect(toYamlQuery({ a: undefined, b: [undefined, 1] })).toBe('{"b": [null, 1]}\n');
  });
});

describe("toYamlQuery refuses what YAML cannot carry", () => {
  const cases: [string, unknown, string, string][] = [
    ["a lone high surrogate", { vendor: "a\ud800b" }, "vendor", "unicode"],
    ["a lone low surrogate in a key", { "\udc00": 1 }, "\udc00", "unicode"],
    ["NaN", { compute: { max_price_per_gpu_hour: Number.NaN } }, "compute.max_price_per_gpu_hour", "finite"],
    ["Infinity in a list", { storage: [{ size: Infinity }] }, "storage[0].size", "finite"],
    ["a Date", { since: new Date(0) }, "since", "plain-object"],
    ["a Map", { extra: new Map() }, "extra", "plain-object"],
    ["a bigint", { n: 1n }, "n", "type"],
    ["a function", { f: () => 1 }, "f", "type"],
  ];
  it.each(cases)("%s", (_, value, field, rule) => {
    const error = captureError(() => toYamlQuery(value));
    expect(error).toBeInstanceOf(CdeskInputError);
    expect(error).toMatchObject({ field, rule });
  });

  it("a value that contains itself", () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = { again: loop };
    expect(captureError(() => toYamlQuery(loop))).toMatchObject({ field: "self.again", rule: "circular" });
  });

  it("but a value shared by two fields is fine", () => {
    const shared = { gpu_type: "H100" };
    expect(parse(toYamlQuery({ a: shared, b: shared }))).toEqual({ a: shared, b: shared });
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
