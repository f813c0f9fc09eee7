// A test host that loads the plugin exactly as the ODH shell does: the same federation
// runtime and shared modules (federation.js), the same area and flag rules (areas.js), a React
// Router 7 data router with one `path: '*'` route, a <Route> per `app.route` extension whose
// element lazily resolves the extension's component, and the nav items as <Link>s whose
// highlight follows useMatch(path ?? href). PatternFly 6.5's CSS is loaded as the shell loads
// it, so the plugin is tried against the host's real global styles.
//
// It is a test tool, built by scripts/build-host.sh; scripts/serve.sh also offers it.
import '@patternfly/patternfly/patternfly.min.css';
import '@patternfly/patternfly/patternfly-addons.css';

import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Link, Route, RouterProvider, Routes, createBrowserRouter, useMatch } from 'react-router-dom';

import { isInUse, pluginFlags } from './areas.js';
import { hostShareScope, initHostSharing, useAppExtensions } from './federation.js';

const THEME_KEY = 'odh.dashboard.ui.theme';
const CONFIG_KEY = 'test-host.dashboardConfigSpec';

/** The OdhDashboardConfig spec: index.html's, or a test's override in localStorage. */
function dashboardConfigSpec() {
  const override = window.localStorage.getItem(CONFIG_KEY);
  const text = override || document.getElementById('odh-dashboard-config').textContent;
  return JSON.parse(text);
}

function useStatus() {
  const [status, setStatus] = React.useState(null);
  React.useEffect(() => {
    fetch('/api/status')
      .then((reply) => (reply.ok ? reply.json() : null))
      .then((body) => setStatus(body && body.kube ? body.kube : { isAdmin: false }))
      .catch(() => setStatus({ isAdmin: false }));
  }, []);
  return status;
}

/** The shell's theme toggle (HeaderTools): the class on <html>, the stored choice and the event. */
function ThemeToggle() {
  const [dark, setDark] = React.useState(document.documentElement.classList.contains('pf-v6-theme-dark'));
  const toggle = () => {
    const next = !dark;
    document.documentElement.classList.toggle('pf-v6-theme-dark', next);
    window.localStorage.setItem(THEME_KEY, JSON.stringify(next ? 'dark' : 'light'));
    window.dispatchEvent(new CustomEvent('odh-theme-change', { detail: { theme: next ? 'dark' : 'light' } }));
    setDark(next);
  };
  return (
    <button type="button" className="pf-v6-c-button pf-m-plain" aria-pressed={dark} onClick={toggle}>
      {dark ? 'Light theme' : 'Dark theme'}
    </button>
  );
}

function NavItem({ href, path, title }) {
  const active = !!useMatch(path || href);
  return (
    <li className="pf-v6-c-nav__item">
      <Link to={href} className={`pf-v6-c-nav__link${active ? ' pf-m-current' : ''}`} aria-current={active ? 'page' : undefined}>
        {title}
      </Link>
    </li>
  );
}

function Navigation({ items }) {
  const inSection = (section) =>
    items
      .filter((item) => item.properties.section === section)
      .sort((a, b) => (a.properties.group || '5_default').localeCompare(b.properties.group || '5_default'));
  const topLevel = items.filter((item) => item.properties.section !== 'observe-and-monitor');
  return (
    <nav className="pf-v6-c-nav" aria-label="Global">
      <ul className="pf-v6-c-nav__list">
        <NavItem href="/" path="/" title="Home" />
        {topLevel.map((item) => (
          <NavItem key={item.properties.id} {...item.properties} />
        ))}
        <li className="pf-v6-c-nav__item">
          <section className="pf-v6-c-nav__section" aria-labelledby="observe-and-monitor">
            <h2 className="pf-v6-c-nav__section-title" id="observe-and-monitor">
              Observe &amp; monitor
            </h2>
            <ul className="pf-v6-c-nav__list">
              <NavItem href="/observe-and-monitor/dashboard" path="/observe-and-monitor/dashboard/*" title="Dashboard" />
              {inSection('observe-and-monitor').map((item) => (
                <NavItem key={item.properties.id} {...item.properties} />
              ))}
            </ul>
          </section>
        </li>
      </ul>
    </nav>
  );
}

/** plugin-core's LazyCodeRefComponent: React.lazy over the code ref, `default` or not. */
function LazyCodeRefComponent({ component, fallback }) {
  const Lazy = React.useMemo(
    () => React.lazy(() => component().then((module) => ('default' in module ? module : { default: module }))),
    [component],
  );
  return (
    <React.Suspense fallback={fallback}>
      <Lazy />
    </React.Suspense>
  );
}

class ErrorBoundary extends React.Component {
  constructor(props) {
    super(props);
    this.state = { error: null };
  }
  static getDerivedStateFromError(error) {
    return { error };
  }
  render() {
    if (this.state.error) {
      return (
        <section className="pf-v6-c-page__main-section" role="alert" data-test-host="error-boundary">
          <h1 className="pf-v6-c-title pf-m-xl">An error occurred</h1>
          <p>{String(this.state.error.message || this.state.error)}</p>
        </section>
      );
    }
    return this.props.children;
  }
}

function Page({ title, children }) {
  return (
    <section className="pf-v6-c-page__main-section">
      <h1 className="pf-v6-c-title pf-m-2xl">{title}</h1>
      {children}
    </section>
  );
}

const loading = (
  <section className="pf-v6-c-page__main-section" role="status">
    Loading…
  </section>
);

function App() {
  const { loaded, extensions } = useAppExtensions();
  const status = useStatus();
  const flags = React.useMemo(
    () => pluginFlags(extensions, { dashboardConfigSpec: dashboardConfigSpec(), dscStatus: null, dsciStatus: null }, !!(status && status.isAdmin)),
    [extensions, status],
  );
  // The shell renders nothing until every remote has settled.
  if (!loaded || !status) return loading;
  const inUse = extensions.filter((extension) => isInUse(extension, flags));
  const navItems = inUse.filter((extension) => extension.type === 'app.navigation/href');
  const routes = inUse.filter((extension) => extension.type === 'app.route');
  return (
    <div className="pf-v6-c-page" data-test-host="ready">
      <header className="pf-v6-c-masthead">
        <div className="pf-v6-c-masthead__main">
          <span className="pf-v6-c-masthead__brand">Open Data Hub · test host</span>
        </div>
        <div className="pf-v6-c-masthead__content">
          <span>{status.userName}</span>
          <ThemeToggle />
        </div>
      </header>
      <div className="pf-v6-c-page__sidebar">
        <div className="pf-v6-c-page__sidebar-body">
          <Navigation items={navItems} />
        </div>
      </div>
      <main className="pf-v6-c-page__main" tabIndex={-1}>
        <ErrorBoundary>
          <Routes>
            <Route path="/" element={<Page title="Home">The host&apos;s own page.</Page>} />
            <Route
              path="/observe-and-monitor/dashboard/*"
              element={<Page title="Observability dashboard">ODH&apos;s own Perses page would be here.</Page>}
            />
            {routes.map((route) => (
              <Route
                key={route.properties.path}
                path={route.properties.path}
                element={<LazyCodeRefComponent component={route.properties.component} fallback={loading} />}
              />
            ))}
            <Route path="*" element={<Page title="Page not found">No route matches.</Page>} />
          </Routes>
        </ErrorBoundary>
      </main>
    </div>
  );
}

const stored = window.localStorage.getItem(THEME_KEY);
document.documentElement.classList.toggle('pf-v6-theme-dark', stored === '"dark"');
initHostSharing();
const router = createBrowserRouter([{ path: '*', element: <App /> }]);
// Tests read the router's location to compare it with the browser's, and the share scope the
// shell gives its remotes.
window.testHost = { router, shareScope: hostShareScope };
createRoot(document.getElementById('root')).render(
  <React.StrictMode>
    <RouterProvider router={router} />
  </React.StrictMode>,
);
