// Writes the benchmark's generated datasets (bench/datasets.mjs) to
// bench/out/: large.json, timeline.json, ten-years.json, scorecard.json and
// breakdown.json.
// Usage: node bench/generate.mjs [outdir]
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { breakdownDataset, largeDataset, scorecardDataset, tenYearsDataset, timelineDataset } from './datasets.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? path.join(here, 'out');
await fs.mkdir(out, { recursive: true });

for (const [name, make] of [['large.json', largeDataset], ['timeline.json', timelineDataset], ['ten-years.json', tenYearsDataset], ['scorecard.json', scorecardDataset], ['breakdown.json', breakdownDataset]]) {
  const text = JSON.stringify(make());
  await fs.writeFile(path.join(out, name), text);
  console.log(`generate: ${name} ${(text.length / 1048576).toFixed(1)} MB`);
}
