import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorkerLane } from "./create-worker-lane";

describe("createWorkerLane", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A pass that takes 10 ms and records when it started. */
  function recordingPass(more: () => boolean = () => false) {
    const starts: number[] = [];
    const pass = async () => {
      starts.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 10));
      return more();
    };
    return { starts, pass };
  }

  it("runs at once when idle, and gathers the wake-ups of a busy stretch into one pass a settle time later", async () => {
    const { starts, pass } = recordingPass();
    const lane = createWorkerLane("test", new AbortController().signal, pass, { settleMs: 250 });
    const t0 = Date.now();
    lane.run();
    for (let i = 0; i < 5; i += 1) lane.run();
    await vi.advanceTimersByTimeAsync(5);
    lane.run();
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts.map((t) => t - t0)).toEqual([0, 250]);
    expect(lane.current()).toBeNull();

    // Idle again: the next wake-up runs at once.
    const t1 = Date.now();
    lane.run();
    await vi.advanceTimersByTimeAsync(20);
    expect(starts.at(-1)! - t1).toBe(0);
    expect(starts).toHaveLength(3);
  });

  it("runs again at once when a pass reports more waiting", async () => {
    let left = 2;
    const { starts, pass } = recordingPass(() => left-- > 0);
    const lane = createWorkerLane("test", new AbortController().signal, pass, { settleMs: 250 });
    const t0 = Date.now();
    lane.run();
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts.map((t) => t - t0)).toEqual([0, 10, 20]);
  });

  it("without a settle time, a wake-up during a pass runs the next right after it", async () => {
    const { starts, pass } = recordingPass();
    const lane = createWorkerLane("test", new AbortController().signal, pass);
    const t0 = Date.now();
    lane.run();
    lane.run();
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts.map((t) => t - t0)).toEqual([0, 10]);
  });

  it("stops waiting when aborted, without logging", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const controller = new AbortController();
    const { starts, pass } = recordingPass();
    const lane = createWorkerLane("test", controller.signal, pass, { settleMs: 250 });
    lane.run();
    lane.run();
    await vi.advanceTimersByTimeAsync(50);
    controller.abort(new Error("stopped"));
    await vi.advanceTimersByTimeAsync(0);
    await lane.current();
    expect(lane.current()).toBeNull();
    expect(starts).toHaveLength(1);
    expect(errors).not.toHaveBeenCalled();
    lane.run();
    expect(lane.current()).toBeNull();
    errors.mockRestore();
  });
});
