/**
 * Plain `npx jest [path]`: the unit and LibreOffice suites together, so any test under test/ is found.
 * `npm test` runs the unit suite alone (jest.unit.config.js), `npm run test:lo` the LibreOffice one
 * (jest.lo.config.js), `npm run test:browser` the built pane in Chromium (jest.browser.config.js).
 * Type errors are caught by `npm run typecheck`.
 */
const unit = require("./jest.unit.config");
const libreOffice = require("./jest.lo.config");

/** A suite's config as a project: the test timeout is the whole run's setting, not a project's. */
const project = ({ testTimeout: _runWide, ...options }) => options;

module.exports = {
  testTimeout: unit.testTimeout,
  projects: [project(unit), project(libreOffice)],
};
