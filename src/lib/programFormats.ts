/** What a program is; episodes inherit their program's format. */
export const PROGRAM_FORMATS = ['podcast', 'documentary', 'series', 'show'] as const
export type ProgramFormat = (typeof PROGRAM_FORMATS)[number]
