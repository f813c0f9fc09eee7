// Static plugin registration: no Perses server, no module federation.
import { dynamicImportPluginLoader } from '@perses-dev/plugin-system';
import * as prometheus from '@perses-dev/prometheus-plugin';
import * as timeseries from '@perses-dev/timeseries-chart-plugin';
import * as stat from '@perses-dev/stat-chart-plugin';
import * as gauge from '@perses-dev/gauge-chart-plugin';
import * as table from '@perses-dev/table-plugin';
import * as bar from '@perses-dev/bar-chart-plugin';
import * as pie from '@perses-dev/pie-chart-plugin';
import * as markdown from '@perses-dev/markdown-plugin';

const modules = [prometheus, timeseries, stat, gauge, table, bar, pie, markdown];

// Each package exposes getPluginModule() (metadata from its package.json "perses" key)
// and named exports matching each plugin's spec.name (e.g. TimeSeriesChart).
export const pluginLoader = dynamicImportPluginLoader(
  modules.map((m) => ({ resource: m.getPluginModule(), importPlugin: () => Promise.resolve(m) }))
);
