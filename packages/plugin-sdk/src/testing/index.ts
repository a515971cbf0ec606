export {
  type ExpectedDiagnostic,
  expectDiagnostics,
  matchDiagnostics,
  PluginTestError,
} from './expect-diagnostics.js';
export {
  type CaseFunction,
  type CaseOutcome,
  createPluginTester,
  type InvalidCase,
  type PluginCases,
  PluginTester,
  type PluginTesterOptions,
  type SuiteFunction,
  type TesterEngineOptions,
  type ValidCase,
} from './plugin-tester.js';
