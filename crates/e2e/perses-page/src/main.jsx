// Perses' own dashboard page, as the Perses app composes it (ViewDashboard inside its theme,
// charts, snackbar, query and URL providers), without a Perses server: the dashboard comes
// from the development backend's Perses API, the same files the plugin reads, and every
// Prometheus datasource the dashboard names points at the benchmark's Prometheus.
//
//   index.html?project=P&dashboard=NAME&prometheus=URL[&var-NAME=VALUE…]
import { createRoot } from 'react-dom/client';
import { ThemeProvider, CssBaseline } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { QueryParamProvider } from 'use-query-params';
import { WindowHistoryAdapter } from 'use-query-params/adapters/window';
import {
  ChartsProvider,
  SnackbarProvider,
  ErrorBoundary,
  ErrorAlert,
  getTheme,
  generateChartsTheme,
} from '@perses-dev/components';
import { PluginRegistry } from '@perses-dev/plugin-system';
import { ViewDashboard } from '@perses-dev/dashboards';
import { pluginLoader } from './plugins';
import { datasourceApi } from './datasources';

const params = new URLSearchParams(window.location.search);
const project = params.get('project') ?? 'bench';
const name = params.get('dashboard') ?? '';
const prometheusUrl = params.get('prometheus') ?? '';

const muiTheme = getTheme('light');
const chartsTheme = generateChartsTheme(muiTheme, {});
// The Perses app's own query defaults for a dashboard view.
const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 0 } },
});

function App({ dashboard }) {
  return (
    <ThemeProvider theme={muiTheme}>
      <CssBaseline />
      <ChartsProvider chartsTheme={chartsTheme}>
        <SnackbarProvider anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} variant="default">
          <QueryClientProvider client={queryClient}>
            <QueryParamProvider adapter={WindowHistoryAdapter}>
              <ErrorBoundary FallbackComponent={ErrorAlert}>
                <PluginRegistry pluginLoader={pluginLoader}>
                  <ViewDashboard
                    dashboardResource={dashboard}
                    datasourceApi={datasourceApi(prometheusUrl)}
                    isReadonly={true}
                    isEditing={false}
                    isVariableEnabled={true}
                    isDatasourceEnabled={false}
                  />
                </PluginRegistry>
              </ErrorBoundary>
            </QueryParamProvider>
          </QueryClientProvider>
        </SnackbarProvider>
      </ChartsProvider>
    </ThemeProvider>
  );
}

// The backend answers a PersesDashboard custom resource or a Perses `Dashboard`; Perses'
// view takes the latter, with the project in its metadata.
function asDashboardResource(document) {
  const spec = document.spec?.config ?? document.spec;
  return {
    kind: 'Dashboard',
    metadata: { name: document.metadata?.name ?? name, project, version: 0 },
    spec,
  };
}

async function main() {
  const root = createRoot(document.getElementById('root'));
  const url = `/perses/api/api/v1/projects/${encodeURIComponent(project)}/dashboards/${encodeURIComponent(name)}`;
  try {
    if (!name || !prometheusUrl) {
      throw new Error('give ?project=, ?dashboard= and ?prometheus= in the address');
    }
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error(`${url}: ${response.status} ${await response.text()}`);
    }
    root.render(<App dashboard={asDashboardResource(await response.json())} />);
  } catch (error) {
    document.body.dataset.error = String(error);
    root.render(<pre role="alert">{`The dashboard could not be loaded: ${error}`}</pre>);
  }
}

main();
