import { projectRoot } from '../../src/lib/projectRoot'

/** The repository root, wherever a script is started from (and compiled or not). */
export const ROOT = projectRoot(import.meta.url)
