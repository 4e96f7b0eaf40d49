import { describe, expect, it } from "vitest";
import {
  IN,
  OUT,
  additionKind,
  flip,
  optionalityChangeKind,
  semverOf,
  sortChanges,
  typeChangeKind,
  type ApiChange,
  type Flow,
} from "../../src/diff/classify.js";

const BOTH = (IN | OUT) as Flow;

describe("classify", () => {
  it.each([
    // [old fits new, new fits old, flow, kind]
    [true, true, OUT, "none"],
    [true, false, OUT, "breaking"], // a response widened: readers meet values they did not handle
    [false, true, OUT, "compatible"], // a response narrowed
    [true, false, IN, "compatible"], // a request widened: every old argument still fits
    [false, true, IN, "breaking"], // a request narrowed
    [false, true, BOTH, "breaking"],
    [true, false, BOTH, "breaking"],
    [false, false, OUT, "breaking"],
  ] as const)("type change (old→new %s, new→old %s) at flow %s is %s", (oldFitsNew, newFitsOld, flow, kind) => {
    expect(typeChangeKind(oldFitsNew, newFitsOld, flow)).toBe(kind);
  });

  it("a parameter runs against the flow of its function", () => {
    expect(flip(OUT)).toBe(IN);
    expect(flip(IN)).toBe(OUT);
    expect(flip(BOTH)).toBe(BOTH);
  });

  it("optionality and additions: required hurts writers, optional hurts readers", () => {
    expect(optionalityChangeKind(true, IN)).toBe("breaking");
    expect(optionalityChangeKind(true, OUT)).toBe("compatible");
    expect(optionalityChangeKind(false, OUT)).toBe("breaking");
    expect(optionalityChangeKind(false, IN)).toBe("compatible");
    expect(additionKind(true, IN)).toBe("breaking");
    expect(additionKind(true, OUT)).toBe("compatible");
    expect(additionKind(false, BOTH)).toBe("compatible");
  });

  it("semver is the most serious change; sorting puts breaking first and drops repeats", () => {
    const change = (kind: ApiChange["kind"], path: string): ApiChange => ({ kind, path, message: "m" });
    expect(semverOf([])).toBe("patch");
    expect(semverOf([change("none", "a")])).toBe("patch");
    expect(semverOf([change("none", "a"), change("compatible", "b")])).toBe("minor");
    expect(semverOf([change("compatible", "b"), change("breaking", "c")])).toBe("major");
    const sorted = sortChanges([
      change("none", "a"),
      change("compatible", "b"),
      change("breaking", "d"),
      change("breaking", "c"),
      change("breaking", "c"),
    ]);
    expect(sorted.map((c) => `${c.kind} ${c.path}`)).toEqual(["breaking c", "breaking d", "compatible b", "none a"]);
  });
});
