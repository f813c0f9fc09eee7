// Perses looks a datasource up in the dashboard, then in its project, then globally. With no
// Perses server, every Prometheus datasource a dashboard names (ODH's tenancy and cluster
// datasources, or the default one) is the benchmark's Prometheus, reached directly: Prometheus
// answers any origin by default, and the requests Perses sends need no preflight.
export function datasourceApi(prometheusUrl) {
  const spec = (isDefault) => ({
    default: isDefault,
    plugin: { kind: 'PrometheusDatasource', spec: { directUrl: prometheusUrl } },
  });
  const resource = (kind, project, selector) => ({
    kind,
    metadata: { name: selector?.name ?? 'prometheus', ...(project ? { project } : {}) },
    spec: spec(selector?.name === undefined),
  });
  const isPrometheus = (selector) => (selector?.kind ?? 'PrometheusDatasource') === 'PrometheusDatasource';
  return {
    getDatasource: async (project, selector) =>
      isPrometheus(selector) ? resource('Datasource', project, selector) : undefined,
    getGlobalDatasource: async (selector) =>
      isPrometheus(selector) ? resource('GlobalDatasource', undefined, selector) : undefined,
    listDatasources: async (project, pluginKind) =>
      pluginKind === undefined || pluginKind === 'PrometheusDatasource'
        ? [resource('Datasource', project, undefined)]
        : [],
    listGlobalDatasources: async (pluginKind) =>
      pluginKind === undefined || pluginKind === 'PrometheusDatasource'
        ? [resource('GlobalDatasource', undefined, undefined)]
        : [],
  };
}
