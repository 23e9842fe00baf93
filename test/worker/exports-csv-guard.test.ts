// The CSV formula guard covers cells that start with a control or invisible character, or hide
// a formula behind them (spreadsheets strip some of these before evaluating).
import { describe, expect, it } from "vitest";
import { csvCell } from "../../src/use-cases/exports";

describe("csvCell formula guard", () => {
  it.each([
    ["\u0000=1+1", "'\u0000=1+1"],
    ["\u0000plain", "'\u0000plain"],
    ['\u200B=HYPERLINK("x")', '"\'\u200B=HYPERLINK(""x"")"'],
    ["\uFEFF@SUM(A1)", "'\uFEFF@SUM(A1)"],
    ["\u202E+1", "'\u202E+1"],
    [" =1+1", "' =1+1"],
    ["\u00A0-2", "'\u00A0-2"],
    ["\t=1", "'\t=1"],
    ["=1", "'=1"],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("leaves ordinary text alone, including a leading space before words", () => {
    expect(csvCell("Maiquetía")).toBe("Maiquetía");
    expect(csvCell(" plain words")).toBe(" plain words");
    expect(csvCell("a=b")).toBe("a=b");
  });
});
