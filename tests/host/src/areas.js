// Which extensions are in use, decided as the ODH shell decides it
// (frontend/src/concepts/areas/utils.ts isAreaAvailable, PluginStoreAreaFlagsProvider,
// plugin-core's PluginStore.isExtensionInUse):
//
// - an `app.area`'s status is the AND of its checks: feature flags of the OdhDashboardConfig
//   (missing = off; a `disable…` flag is inverted), and its customCondition called with
//   { dashboardConfigSpec, dscStatus, dsciStatus }. An area with only an id is available.
// - the flags are every area's status plus ADMIN_USER;
// - an extension is in use when every `flags.required` is true and every `flags.disallowed`
//   is false. A required flag nobody declared is undefined, so the extension is hidden.

function flagIsOn(flags, name) {
  const value = flags[name];
  if (value === undefined || value === null) return false;
  return name.startsWith('disable') ? !value : !!value;
}

function areaStatus(properties, context) {
  const flags = (context.dashboardConfigSpec && context.dashboardConfigSpec.dashboardConfig) || {};
  const featureFlags = properties.featureFlags || [];
  if (!featureFlags.every((name) => flagIsOn(flags, name))) return false;
  if (properties.customCondition && !properties.customCondition(context)) return false;
  return true;
}

/** The plugin store's flags: `{ <area id>: status, ADMIN_USER }`. */
export function pluginFlags(extensions, context, isAdmin) {
  const flags = { ADMIN_USER: isAdmin };
  for (const extension of extensions) {
    if (extension.type === 'app.area') {
      flags[extension.properties.id] = areaStatus(extension.properties, context);
    }
  }
  return flags;
}

export function isInUse(extension, flags) {
  const required = (extension.flags && extension.flags.required) || [];
  const disallowed = (extension.flags && extension.flags.disallowed) || [];
  return required.every((flag) => flags[flag] === true) && disallowed.every((flag) => flags[flag] === false);
}
