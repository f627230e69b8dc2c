// @ts-check
// Empty: the worker lanes it started are gone (the pipeline runs in one thread on public APIs).
// Kept only because scripts/release.mjs still imports it; delete both when that import goes.
