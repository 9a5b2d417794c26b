// `npm run bench`: every benchmark, each printing its figures (medians of several runs, and
// ratios against a baseline measured in the same run). TANDEM_BENCH_ROWS sets the size.
import { benchEvidence } from './evidence-bench.ts';

const { store } = await benchEvidence();
await store.close();
