import type { Config } from 'payload'

/** A custom admin view and its link in the navigation, appended to what the config has. */
export function withAdminView(
  config: Config,
  view: { key: string; path: `/${string}`; Component: string; navLink: string },
): Config {
  return {
    ...config,
    admin: {
      ...config.admin,
      components: {
        ...config.admin?.components,
        afterNavLinks: [...(config.admin?.components?.afterNavLinks ?? []), view.navLink],
        views: {
          ...config.admin?.components?.views,
          [view.key]: { Component: view.Component, path: view.path },
        },
      },
    },
  }
}
