// '@perses-dev/core' as the prometheus plugin imports it: only the duration helpers, from
// core 0.52's own time module (its index would bring React and MUI along).
export { formatDuration, msToPrometheusDuration, parseDurationString } from '@perses-dev/core/dist/model/time.js';
