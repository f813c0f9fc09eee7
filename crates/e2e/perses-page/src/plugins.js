// The plugins a Perses deployment ships for metrics dashboards, registered statically: each
// package exports getPluginModule() (its metadata) and one named export per plugin kind.
import { dynamicImportPluginLoader } from '@perses-dev/plugin-system';
import * as prometheus from '@perses-dev/prometheus-plugin';
import * as timeseries from '@perses-dev/timeseries-chart-plugin';
import * as stat from '@perses-dev/stat-chart-plugin';
import * as gauge from '@perses-dev/gauge-chart-plugin';
import * as table from '@perses-dev/table-plugin';
import * as bar from '@perses-dev/bar-chart-plugin';
import * as pie from '@perses-dev/pie-chart-plugin';
import * as staticList from '@perses-dev/static-list-variable-plugin';
import * as markdown from '@perses-dev/markdown-plugin';

const modules = [prometheus, staticList, timeseries, stat, gauge, table, bar, pie, markdown];

export const pluginLoader = dynamicImportPluginLoader(
  modules.map((module) => ({ resource: module.getPluginModule(), importPlugin: async () => module })),
);
