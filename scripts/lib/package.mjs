// @ts-check
// Builds the npm package (dist/package) with the TypeScript compiler API in this process,
// reporting type errors with file and line like tsc does.
import path from 'node:path';
import ts from 'typescript';
import { StepError } from './steps.mjs';

/**
 * Compiles src/ and the generated types per tsconfig.build.json; throws StepError on any diagnostic.
 * @param {string} [configFile]
 */
export function buildPackage(configFile = 'tsconfig.build.json') {
  const host = ts.sys;
  const parsed = ts.getParsedCommandLineOfConfigFile(path.resolve(configFile), {}, { ...host, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) throw new StepError(`${configFile}: cannot be read`);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics, ...parsed.errors];
  if (diagnostics.length > 0) {
    throw new StepError(
      ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' }) +
        'The client (src/) no longer compiles against the generated types: update src/ for the spec change.',
    );
  }
}
