// Written by `payload generate:importmap` (the test regenerates it from the installed package).
export const importMap = {}
