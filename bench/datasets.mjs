// The benchmark's generated datasets, deterministic (the same data every
// run), shared by bench/generate.mjs and the performance guard in
// tests/browser/performance.test.mjs.
//   largeDataset()     2,000 indicators x 10 years, monthly budget and
//                      actual (480,000 values), for the dashboard;
//   timelineDataset()  one indicator whose timeline has 1,000,000 actual
//                      values (10 years of 100,000 readings) and as many
//                      budget values;
//   tenYearsDataset()  one activity, ten years of months against its
//                      affordable level (the Years view, 120 periods);
//   scorecardDataset() 44 performance indicators, two years of months
//                      against targets (the scorecard);
//   breakdownDataset() a service's spend and its 12 parts, two years of
//                      months against budget (the breakdown).

// A small deterministic generator (mulberry32), so runs compare like with like.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const years = (first, count) =>
  Array.from({ length: count }, (_, i) => {
    const start = first + i;
    return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  });

const groups = ['Adult Social Care', "Children's Services", 'Environment & Waste', 'Highways', 'Education', 'Public Health', 'Libraries & Culture', 'Corporate'];
const units = ['hours', 'children', 'tonnes', 'clients', 'client weeks', 'journeys', 'visits', 'placements'];

export function largeDataset() {
  const next = random(2011);
  const indicators = [];
  for (let i = 0; i < 2000; i += 1) {
    const level = Math.round(100 + next() * 200000);
    const seasonal = next() * 0.15;
    const drift = (next() - 0.5) * 0.08;
    const spread = 0.02 + next() * 0.08;
    indicators.push({
      id: `activity-${String(i + 1).padStart(4, '0')}`,
      title: `${units[i % units.length][0].toUpperCase()}${units[i % units.length].slice(1)} of activity ${i + 1}`,
      group: groups[i % groups.length],
      unit: units[i % units.length],
      period: 'month',
      year_value: 'sum',
      years: years(2012, 10).map((year, y) => {
        const base = level * (1 + drift * y);
        const budget = [];
        const actual = [];
        for (let m = 0; m < 12; m += 1) {
          const b = base * (1 + seasonal * Math.sin((m / 12) * 2 * Math.PI));
          budget.push(Math.round(b));
          actual.push(Math.round(b * (1 + (next() - 0.5) * 2 * spread)));
        }
        return { year, budget, actual };
      }),
    });
  }
  return {
    format: 'outturn/1',
    title: 'Generated benchmark: 2,000 activities over ten years',
    organisation: 'Benchmark Borough Council (generated)',
    indicators,
  };
}

export function timelineDataset() {
  const next = random(1000000);
  const perYear = 100000;
  const labels = Array.from({ length: perYear }, (_, i) => `r${i + 1}`);
  let level = 5000;
  return {
    format: 'outturn/1',
    title: 'Generated benchmark: one million weighbridge readings',
    organisation: 'Benchmark Borough Council (generated)',
    indicators: [
      {
        id: 'weighbridge-readings',
        title: 'Waste weighed at the transfer station, every reading',
        group: 'Environment & Waste',
        unit: 'kg',
        periods: labels,
        year_value: 'sum',
        years: years(2016, 10).map((year) => {
          const budget = [];
          const actual = [];
          for (let i = 0; i < perYear; i += 1) {
            level += (next() - 0.5) * 40 + (5000 - level) * 0.001;
            const b = 5000 + 800 * Math.sin((i / perYear) * 2 * Math.PI);
            budget.push(Math.round(b));
            // Occasional spikes: decimation must keep them visible.
            const spike = next() < 0.0005 ? 4000 * next() : 0;
            actual.push(Math.round(level + spike));
          }
          return { year, budget, actual };
        }),
      },
    ],
  };
}

export function tenYearsDataset() {
  const next = random(120);
  return {
    format: 'outturn/1',
    title: 'Generated benchmark: one activity over ten years',
    organisation: 'Benchmark Borough Council (generated)',
    indicators: [
      {
        id: 'domiciliary-care-hours',
        title: 'Domiciliary care hours',
        group: 'Adult Social Care',
        unit: 'hours',
        period: 'month',
        year_value: 'sum',
        years: years(2012, 10).map((year, y) => {
          const budget = [];
          const actual = [];
          for (let m = 0; m < 12; m += 1) {
            const b = 200000 * (1 + 0.02 * y) * (1 + 0.06 * Math.sin((m / 12) * 2 * Math.PI));
            budget.push(Math.round(b));
            actual.push(Math.round(b * (1 + (next() - 0.45) * 0.08)));
          }
          return { year, budget, actual };
        }),
      },
    ],
  };
}

const topics = ['Children in care', 'Child protection plans', 'Care leavers in education', 'Adults supported at home', 'Delayed transfers of care', 'Reablement', 'Waste recycled', 'Waste to landfill', 'Potholes repaired on time', 'Streetlights repaired', 'Library visits', 'Pupils achieving the standard'];

export function scorecardDataset() {
  const next = random(44);
  const indicators = [];
  for (let i = 0; i < 44; i += 1) {
    const higher = i % 3 !== 0;
    const target = Math.round(40 + next() * 50);
    indicators.push({
      id: `kpi-${String(i + 1).padStart(2, '0')}`,
      title: `${topics[i % topics.length]} (${i + 1})`,
      group: groups[i % groups.length],
      unit: '%',
      polarity: higher ? 'higher-is-better' : 'lower-is-better',
      period: 'month',
      year_value: 'last',
      years: years(2021, 2).map((year) => {
        const actual = [];
        const targets = [];
        for (let m = 0; m < 12; m += 1) {
          targets.push(target);
          actual.push(Math.round((target * (0.85 + next() * 0.3)) * 10) / 10);
        }
        return { year, actual, target: targets };
      }),
    });
  }
  return {
    format: 'outturn/1',
    title: 'Generated benchmark: 44 performance indicators against their targets',
    organisation: 'Benchmark Borough Council (generated)',
    indicators,
  };
}

const services = ['Residential care', 'Nursing care', 'Domiciliary care', 'Direct payments', 'Day care', 'Supported living', 'Reablement', 'Equipment', 'Meals', 'Transport', 'Assessment', 'Commissioning'];

export function breakdownDataset() {
  const next = random(12);
  const parts = services.map((service, i) => {
    const level = Math.round(500 + next() * 4000);
    return {
      id: `asc-${i + 1}`,
      title: service,
      group: 'Adult Social Care',
      parent: 'asc-total',
      breakdown: 'by service',
      unit: '£k',
      period: 'month',
      year_value: 'sum',
      years: years(2021, 2).map((year) => {
        const budget = [];
        const actual = [];
        for (let m = 0; m < 12; m += 1) {
          budget.push(level);
          actual.push(Math.round(level * (0.9 + next() * 0.2)));
        }
        return { year, budget, actual };
      }),
    };
  });
  const total = {
    id: 'asc-total',
    title: 'Adult social care: net spend',
    group: 'Adult Social Care',
    breakdown: 'by service',
    unit: '£k',
    period: 'month',
    year_value: 'sum',
    years: years(2021, 2).map((year, y) => ({
      year,
      budget: Array.from({ length: 12 }, (_, m) => parts.reduce((sum, part) => sum + part.years[y].budget[m], 0)),
      actual: Array.from({ length: 12 }, (_, m) => parts.reduce((sum, part) => sum + part.years[y].actual[m], 0)),
    })),
  };
  return {
    format: 'outturn/1',
    title: 'Generated benchmark: a service and its 12 parts',
    organisation: 'Benchmark Borough Council (generated)',
    indicators: [total, ...parts],
  };
}
