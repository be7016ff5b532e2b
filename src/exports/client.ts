'use client'
/**
 * MediaMesh's client components, for Payload's import map: the config names them
 * `mediamesh/client#<Name>`, as Payload's own plugins name theirs (`@payloadcms/plugin-search/client#…`).
 * In this repository tsconfig.json maps `mediamesh/client` here; in the package it is dist/client.js.
 */
export { FetchSourceNow } from '../admin/FetchSourceNow'
export { PrefillFromQuery } from '../admin/PrefillFromQuery'
export { SearchPreviewPanel } from '../admin/SearchPreviewPanel'
export { SearchSyncActions } from '../admin/SearchSyncActions'
