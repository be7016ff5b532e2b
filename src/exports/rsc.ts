/**
 * MediaMesh's server components (admin views and their navigation links), for Payload's import
 * map: the config names them `mediamesh/rsc#<Name>`. In this repository tsconfig.json maps
 * `mediamesh/rsc` here; in the package it is dist/rsc.js, which imports the client components
 * they render from `mediamesh/client`.
 */
export { SearchInsightsNavLink } from '../admin/SearchInsightsNavLink'
export { SearchInsightsView } from '../admin/SearchInsightsView'
export { SearchPreviewNavLink } from '../admin/SearchPreviewNavLink'
export { SearchPreviewView } from '../admin/SearchPreviewView'
export { SearchSyncNavLink } from '../admin/SearchSyncNavLink'
export { SearchSyncView } from '../admin/SearchSyncView'
