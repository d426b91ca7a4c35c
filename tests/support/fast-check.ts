import fc from 'fast-check';
import { runCount } from './run-counts';

/**
 * fast-check for the unit tests' properties, each run TEST_PROPERTY_RUNS times (default 200) unless it names its
 * own count. Import it from here rather than from 'fast-check' so that the variable applies. (The integration
 * properties set their own counts: API_FUZZ_RUNS, EVIDENCE_DOORS_RUNS.)
 */
fc.configureGlobal({ numRuns: runCount('TEST_PROPERTY_RUNS', 200) });

export default fc;
