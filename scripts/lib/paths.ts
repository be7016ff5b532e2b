import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, wherever a script is started from. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
