/**
 * Jest's fake clock for the calendar only: `Date` and `Date.now()` answer `now` (move it with
 * jest.setSystemTime), while timers, nextTick and I/O run as usual. For "the output does not depend
 * on when it was made": write at one time, write again at another, compare, with no real wait.
 */
export function fakeDateOnly(now: Date): void {
  jest.useFakeTimers({
    now,
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
}
