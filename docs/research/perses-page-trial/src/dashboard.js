const PROM = window.PROM_URL || 'http://127.0.0.1:9090';
const q = (query) => [{ kind: 'TimeSeriesQuery', spec: { plugin: { kind: 'PrometheusTimeSeriesQuery', spec: { query } } } }];
const panel = (name, kind, spec, query) => ({
  kind: 'Panel',
  spec: { display: { name }, plugin: { kind, spec }, ...(query ? { queries: q(query) } : {}) },
});
export const dashboard = {
  kind: 'Dashboard',
  metadata: { name: 'demo', project: 'local', version: 0 },
  spec: {
    display: { name: 'Demo dashboard' },
    duration: '1h',
    refreshInterval: '0s',
    variables: [],
    datasources: {
      prom: { default: true, plugin: { kind: 'PrometheusDatasource', spec: { directUrl: PROM } } },
    },
    panels: {
      ts: panel('Time series', 'TimeSeriesChart', {}, 'up'),
      stat: panel('Stat', 'StatChart', { calculation: 'last-number', format: { unit: 'decimal' }, sparkline: {} }, 'up'),
      gauge: panel('Gauge', 'GaugeChart', { calculation: 'last-number', format: { unit: 'percent-decimal' }, thresholds: { steps: [{ value: 0.8 }, { value: 0.9 }] } }, 'up'),
      table: panel('Table', 'Table', { density: 'standard' }, 'up'),
      bar: panel('Bar', 'BarChart', { calculation: 'last-number', format: { unit: 'decimal' }, sort: 'desc', mode: 'value' }, 'up'),
      pie: panel('Pie', 'PieChart', { calculation: 'last-number', format: { unit: 'decimal' }, radius: 50, sort: 'desc', mode: 'value' }, 'up'),
      md: panel('Markdown', 'Markdown', { text: '# Hello\nSome **markdown** text.' }),
    },
    layouts: [
      {
        kind: 'Grid',
        spec: {
          display: { title: 'Row 1', collapse: { open: true } },
          items: [
            { x: 0, y: 0, width: 12, height: 8, content: { $ref: '#/spec/panels/ts' } },
            { x: 12, y: 0, width: 6, height: 8, content: { $ref: '#/spec/panels/stat' } },
            { x: 18, y: 0, width: 6, height: 8, content: { $ref: '#/spec/panels/gauge' } },
            { x: 0, y: 8, width: 8, height: 8, content: { $ref: '#/spec/panels/table' } },
            { x: 8, y: 8, width: 6, height: 8, content: { $ref: '#/spec/panels/bar' } },
            { x: 14, y: 8, width: 5, height: 8, content: { $ref: '#/spec/panels/pie' } },
            { x: 19, y: 8, width: 5, height: 8, content: { $ref: '#/spec/panels/md' } },
          ],
        },
      },
    ],
  },
};
