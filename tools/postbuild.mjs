// Trunk's one post-build hook (Trunk.toml). Trunk runs hooks of one stage
// at the same time, so the steps that must follow each other are run here
// in order: shrink the release build's code (tools/shrink.mjs), then write
// the single self-contained file from the result (tools/singlefile.mjs).
if (process.env.TRUNK_PROFILE === 'release') await import('./shrink.mjs');
await import('./singlefile.mjs');
