// '@perses-dev/plugin-system' as the prometheus plugin imports it: plugin-system 0.54's
// utils/variables.js re-exports replaceVariable from @perses-dev/components, as this does.
export { replaceVariable } from '@perses-dev/components/dist/utils/variable-interpolation.js';
