/**
 * Plain `npx jest [path]`: the unit, memory and LibreOffice suites together, so any test under test/ is
 * found. `npm test` runs the unit suite alone (jest.unit.config.js), `npm run test:memory` and
 * `npm run test:lo` the others, `npm run test:browser` the built pane in Chromium
 * (jest.browser.config.js); jest.suites.js says which file is in which suite.
 * Type errors are caught by `npm run typecheck` (part of `npm run lint`).
 */
const unit = require("./jest.unit.config");
const memory = require("./jest.memory.config");
const libreOffice = require("./jest.lo.config");

/** A suite's config as a project: the test timeout and workers are the whole run's settings. */
const project = ({ testTimeout: _timeout, maxWorkers: _workers, ...options }) => options;

module.exports = {
  testTimeout: unit.testTimeout,
  maxWorkers: 2,
  projects: [project(unit), project(memory), project(libreOffice)],
};
