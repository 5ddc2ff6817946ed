/**
 * Runs before every test file (jest.config.js, setupFilesAfterEnv). A test that moves to Jest's fake
 * clock (jest.useFakeTimers) gets the real one back when it ends, even when it fails halfway, so the
 * next test never waits on a clock nobody advances.
 */
afterEach(() => {
  jest.useRealTimers();
});

// Testing Library's waits (findBy…, waitFor) give up after 1 s by default; on a loaded 2-core machine a
// first render of the pane takes longer than that. A wait for something that must happen can be long;
// a check that something does not happen uses the fake clock, never this timeout.
if (typeof document !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("@testing-library/dom") as typeof import("@testing-library/dom")).configure({ asyncUtilTimeout: 10_000 });
}
