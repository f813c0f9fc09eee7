// Perses' own functions, run on the differential test's cases in headless Chromium (so Intl
// is the browser's). Each case is answered as Perses' page would compute it; the Rust test
// (crates/e2e/tests/perses_diff) compares the core's answers with these.
import { formatValue } from '@perses-dev/components/dist/model/units.js';
import { replaceVariables } from '@perses-dev/components/dist/utils/variable-interpolation.js';
import { getSuggestedStepMs, parseDurationString } from '@perses-dev/core/dist/model/time.js';
import { milliseconds } from 'date-fns';
import {
  getDurationStringSeconds,
  getPrometheusTimeRange,
  getRangeStep,
} from '@perses-dev/prometheus-plugin/lib/model/time.js';
import { replacePromBuiltinVariables } from '@perses-dev/prometheus-plugin/lib/plugins/prometheus-time-series-query/replace-prom-builtin-variables.js';

// What Perses' Prometheus datasource assumes without a scrape interval (plugins/types.js).
const DEFAULT_SCRAPE_INTERVAL = '1m';

// The steps of getTimeSeriesData (prometheus-plugin, get-time-series-data.js) up to the
// request: the suggested step from the panel's width, the min step (or the scrape interval),
// the step, the range aligned to it (in UTC: the test runs with no offset), the builtins.
function step(c) {
  const range = { start: new Date(c.startMs), end: new Date(c.endMs) };
  const suggestedStepMs = getSuggestedStepMs(range, c.widthPx);
  const scrapeSeconds = Math.trunc(
    milliseconds(parseDurationString(c.scrapeInterval ?? DEFAULT_SCRAPE_INTERVAL)) / 1000,
  );
  const minStep = getDurationStringSeconds(c.minStep ?? undefined) ?? scrapeSeconds;
  const timeRange = getPrometheusTimeRange(range);
  const stepSeconds = getRangeStep(timeRange, minStep, undefined, suggestedStepMs);
  let start = Math.floor(timeRange.start / stepSeconds) * stepSeconds;
  let end = Math.floor(timeRange.end / stepSeconds) * stepSeconds;
  if (end === start) end = start + stepSeconds;
  const query = replacePromBuiltinVariables(c.query, minStep * 1000, stepSeconds * 1000);
  return `start=${start} end=${end} step=${stepSeconds} query=${query}`;
}

function answer(c) {
  switch (c.kind) {
    case 'format':
      return formatValue(c.value, c.format ?? undefined);
    case 'interpolate':
      return replaceVariables(c.text, c.state);
    case 'step':
      return step(c);
    default:
      throw new Error(`unknown case kind ${c.kind}`);
  }
}

function settle(compute) {
  try {
    return String(compute());
  } catch (error) {
    return `error: ${error && error.message}`;
  }
}

// Perses inserts a value with String.prototype.replaceAll and a string replacement, so `$$`,
// `$&`, `$'` and `$\`` inside a value act as patterns. The same computation with the value
// inserted literally (a replacer function) tells that one difference apart from any other.
function literally(compute) {
  const replaceAll = String.prototype.replaceAll;
  String.prototype.replaceAll = function (pattern, replacement) {
    const literal = typeof replacement === 'string' ? () => replacement : replacement;
    return replaceAll.call(this, pattern, literal);
  };
  try {
    return settle(compute);
  } finally {
    String.prototype.replaceAll = replaceAll;
  }
}

// Answers every case; a case Perses throws on is answered with the error's message. An
// interpolation also gets its answer with values inserted literally.
window.persesDiff = (cases) =>
  cases.map((c) => ({
    answer: settle(() => answer(c)),
    literal: c.kind === 'interpolate' ? literally(() => answer(c)) : null,
  }));
