import { createRoot } from 'react-dom/client';
import { ThemeProvider, CssBaseline } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { QueryParamProvider } from 'use-query-params';
import { WindowHistoryAdapter } from 'use-query-params/adapters/window';
import { ChartsProvider, SnackbarProvider, ErrorBoundary, ErrorAlert, getTheme, generateChartsTheme } from '@perses-dev/components';
import { PluginRegistry } from '@perses-dev/plugin-system';
import { ViewDashboard } from '@perses-dev/dashboards';
import { pluginLoader } from './plugins';
import { dashboard } from './dashboard';

const muiTheme = getTheme('light');
const chartsTheme = generateChartsTheme(muiTheme, {});
const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 0 } } });

// No Perses server: only dashboard-local datasources (spec.datasources) are used.
const datasourceApi = {
  getDatasource: async () => undefined,
  getGlobalDatasource: async () => undefined,
  listDatasources: async () => [],
  listGlobalDatasources: async () => [],
  // buildProxyUrl omitted => proxyUrl '' ; PrometheusDatasource uses spec.directUrl
};

function App() {
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
                    datasourceApi={datasourceApi}
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
createRoot(document.getElementById('root')).render(<App />);
