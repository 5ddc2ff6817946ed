/**
 * Runs before every test file (jest.config.js, setupFilesAfterEnv). A test that moves to Jest's fake
 * clock (jest.useFakeTimers) gets the real one back when it ends, even when it fails halfway, so the
 * next test never waits on a clock nobody advances.
 */
afterEach(() => {
  jest.useRealTimers();
});
