/**
 * Where MediaMesh's modules get their settings: the options `mediaMesh(options)` sanitised.
 *
 * Two ways in. `getMediaMesh(payload)` reads them from the Payload config they were given to
 * (`config.custom.mediaMesh`): use it wherever a `payload` is at hand. `mediaMeshOptions()` is the
 * options of the config built last in this process, for the module-level clients and caches that
 * have no `payload` (Elasticsearch and Redis clients, rate limiters): one MediaMesh per process,
 * as one Payload per process.
 */
import type { Payload } from 'payload'

import type { SanitizedMediaMeshOptions } from '../plugins/types'

let active: SanitizedMediaMeshOptions | undefined

/**
 * Called by the plugin entry when a config includes it. A disabled MediaMesh never replaces the
 * options of one that runs (a test may build a disabled variant beside the real config), but is
 * used when there is nothing else: its collections' own hooks (upload limits) still need options.
 */
export function activateMediaMeshOptions(options: SanitizedMediaMeshOptions): void {
  if (options.disabled && active && !active.disabled) return
  active = options
}

const NOT_CONFIGURED =
  'MediaMesh is not configured: add mediaMesh(options) to the plugins of your Payload config'

/** The options of this process's MediaMesh (see the module comment). */
export function mediaMeshOptions(): SanitizedMediaMeshOptions {
  if (!active) throw new Error(NOT_CONFIGURED)
  return active
}

/** The options of the MediaMesh installed in this Payload instance. */
export function getMediaMesh(payload: Pick<Payload, 'config'>): SanitizedMediaMeshOptions {
  const options = (payload.config.custom as { mediaMesh?: SanitizedMediaMeshOptions } | undefined)
    ?.mediaMesh
  if (!options) throw new Error(NOT_CONFIGURED)
  return options
}
