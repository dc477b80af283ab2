import type uPlot from "uplot";
import { describe, expect, it } from "vitest";
import * as chart from "../../src/web/ui/chart-style.ts";

const plot = {} as uPlot;

describe("the charts' shared drawing", () => {
  it("puts a calendar day at its midnight in UTC and labels it as that same day", () => {
    const ninth = chart.utcDaySeconds("2026-03-09");
    expect(ninth).toBe(Date.UTC(2026, 2, 9) / 1000);
    const label = new Date(2026, 2, 9, 12).toLocaleDateString(undefined, {
      day: "numeric",
      month: "short",
    });
    expect(chart.utcDayValues(plot, [ninth])).toEqual([label]);
  });

  it("reads a time axis in UTC only when asked, whatever the viewer's zone", () => {
    // The project runs in Berlin, where midnight UTC is one in the morning.
    const utc = chart.frame(400, chart.heights(180, 220), { utc: true });
    expect(utc.tzDate?.(0).getHours()).toBe(0);
    expect(chart.frame(400, chart.heights(180, 220), { utc: false }).tzDate).toBeUndefined();
  });

  it("is lower on a phone than on a wider screen", () => {
    const height = chart.heights(180, 220);
    expect([height(390), height(479), height(480), height(1280)]).toEqual([180, 180, 220, 220]);
    expect(chart.frame(390, height, { utc: false })).toMatchObject({ width: 390, height: 180 });
  });

  it("leaves room either side of a time scale, a minimum when the span is short", () => {
    const range = chart.paddedRange(60);
    expect(range(plot, 0, 10_000, "x")).toEqual([-400, 10_400]);
    expect(range(plot, 100, 100, "x")).toEqual([40, 160]);
  });

  it("tells two lines apart by their dots and dash, not only by colour", () => {
    const style = {
      text: "#111",
      grid: "#222",
      surface: "#fff",
      primary: "#a00",
      primarySoft: "#fee",
      calm: "#0a0",
      font: "12px serif",
    };
    const own = chart.line(style, {
      label: "You",
      stroke: style.primary,
      dots: 8,
      filled: true,
      spanGaps: false,
    });
    const theirs = chart.line(style, {
      label: "Your partner",
      stroke: style.calm,
      dots: 8,
      filled: false,
      dash: [6, 4],
      spanGaps: true,
    });
    expect(own).toEqual({
      label: "You",
      stroke: "#a00",
      width: 2,
      points: { show: true, size: 8, stroke: "#a00", fill: "#a00", width: 2 },
    });
    expect(theirs).toMatchObject({ dash: [6, 4], spanGaps: true, points: { fill: "#fff" } });
  });
});
