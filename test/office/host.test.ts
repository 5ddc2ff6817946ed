/** Where the pane runs: Excel, another Office application, a plain browser, or an office.js that hangs. */
import { detectHost, type OfficeReadyApi } from "../../src/office/host";

/** office.js at run time: HostType values are strings, onReady resolves with host null outside Office. */
function fakeOffice(onReady: OfficeReadyApi["onReady"]): OfficeReadyApi {
  return { onReady, HostType: { Excel: "Excel" } };
}

describe("detectHost", () => {
  it("says office.js is missing when the Office namespace never loaded", async () => {
    expect(await detectHost(undefined, 50)).toEqual({ kind: "outside", reason: "no-office-js" });
  });

  it("recognises Excel and keeps the platform", async () => {
    const office = fakeOffice(async () => ({ host: "Excel", platform: "OfficeOnline" }));
    expect(await detectHost(office, 50)).toEqual({ kind: "excel", platform: "OfficeOnline" });
  });

  it("tells a plain browser (host null) from Excel", async () => {
    const office = fakeOffice(async () => ({ host: null, platform: null }));
    expect(await detectHost(office, 50)).toEqual({ kind: "outside", reason: "not-in-office" });
  });

  it("names another Office application", async () => {
    const office = fakeOffice(async () => ({ host: "Word", platform: "PC" }));
    expect(await detectHost(office, 50)).toEqual({ kind: "outside", reason: "other-host", host: "Word" });
  });

  it("gives up after the timeout when onReady never resolves, and not before", async () => {
    jest.useFakeTimers();
    const office = fakeOffice(() => new Promise(() => undefined));
    let answer: unknown;
    void detectHost(office, 60).then((a) => (answer = a));
    await jest.advanceTimersByTimeAsync(59);
    expect(answer).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(answer).toEqual({ kind: "outside", reason: "timeout" });
  });

  it("reports a failed initialisation instead of leaving the pane waiting", async () => {
    const office = fakeOffice(() => Promise.reject(new Error("init failed")));
    expect(await detectHost(office, 5000)).toEqual({ kind: "outside", reason: "failed" });
  });

  it("does not wait for the timeout once Office is ready", async () => {
    jest.useFakeTimers();
    const office = fakeOffice(async () => ({ host: "Excel", platform: "PC" }));
    let answer: unknown;
    void detectHost(office, 5000).then((a) => (answer = a));
    await jest.advanceTimersByTimeAsync(0); // promises settle; the clock stays where it was
    expect(answer).toEqual({ kind: "excel", platform: "PC" });
    expect(jest.getTimerCount()).toBe(0); // and the timeout's timer is gone
  });
});
