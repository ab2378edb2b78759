// The package version, inlined by esbuild so the bundle needs no package.json at run time.
import pkg from '../../../package.json';

export const VERSION: string = pkg.version;
