// The browser tests' Chromium lookup: an explicit CHROMIUM_PATH wins (and must exist), a machine
// without a browser skips, and REQUIRE_BROWSER=1 (.ci/run) turns that skip into a failure.
import { describe, expect, it, vi } from "vitest";
import { findChromium } from "../browser/find-chromium";

describe("findChromium", () => {
  it("uses CHROMIUM_PATH when it exists, and refuses one that does not", () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath }, [])).toBe(process.execPath);
    expect(() => findChromium({ CHROMIUM_PATH: "/nonexistent/chromium" }, [])).toThrow(
      /CHROMIUM_PATH=\/nonexistent\/chromium does not exist/,
    );
  });

  it("falls back to the usual locations", () => {
    expect(findChromium({}, ["/nonexistent/a", process.execPath])).toBe(process.execPath);
  });

  it("skips with one line when there is none, and fails instead under REQUIRE_BROWSER=1", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(findChromium({}, ["/nonexistent/a"])).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^browser tests skipped: .*CHROMIUM_PATH/);
    warn.mockRestore();
    expect(() => findChromium({ REQUIRE_BROWSER: "1" }, ["/nonexistent/a"])).toThrow(/REQUIRE_BROWSER=1/);
  });
});
