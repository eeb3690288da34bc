// The people set (fixtures/people): who is in it, by which groups a result is broken down, and the table that
// reports a result per group. Used by the evaluation's browser tests and, through their meta, by `pnpm bench`.
import type { GuidanceHint } from '@biometric-login/core';
import peopleCsv from '../../../fixtures/people/people.csv?raw';

export interface Person {
  /** The frame's name, e.g. `london_042` (fixtures/people/frames/london_042.jpg). */
  name: string;
  set: string;
  /** An automatic skin-tone class (ITA°), see fixtures/people/README.md; '' when it could not be measured. */
  ita_class: string;
  ethnicity: string;
  gender: string;
  age_band: string;
  glasses: string;
}

export const people: readonly Person[] = (() => {
  const [header, ...rows] = peopleCsv.trim().split('\n');
  const columns = (header ?? '').split(',') as (keyof Person)[];
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, index) => [columns[index], cell.trim()])) as unknown as Person);
})();

/**
 * Frames whose composition failed, with the hint that is right for them: fixtures/people/compose.py placed this
 * portrait's face at 0.88 of the frame's height, cut off by the right edge, so "move back" is the true answer. They
 * are shown and reported but counted outside the floors: a person framed so would step back.
 */
export const misframed: Readonly<Record<string, GuidanceHint>> = { congress_D000355: 'back' };

/** The groups a result is reported by, in the table's order, each with the label its rows get. */
export const groupings = [
  ['skin tone (ITA)', 'ita_class'],
  ['gender', 'gender'],
  ['age band', 'age_band'],
  ['glasses', 'glasses'],
  ['ethnicity (self-reported)', 'ethnicity'],
  ['collection', 'set'],
] as const satisfies readonly (readonly [string, keyof Person])[];

/** One portrait shown to the component: whether it was sent by itself, how fast, and what it was told if not. */
export interface PersonOutcome {
  name: string;
  sent: boolean;
  /** From mount to the request leaving, in ms; undefined when nothing left. */
  ms: number | undefined;
  /** What guided capture showed last (`fit`, a hint, or `checking`). */
  lastGuidance: string;
}

export interface GroupRow {
  grouping: string;
  group: string;
  people: number;
  sent: number;
  within8s: number;
  medianMs: number | undefined;
  slowestMs: number | undefined;
}

const median = (values: number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

function rowOf(grouping: string, group: string, outcomes: readonly PersonOutcome[]): GroupRow {
  const times = outcomes.flatMap((outcome) => (outcome.ms === undefined ? [] : [outcome.ms]));
  return {
    grouping,
    group,
    people: outcomes.length,
    sent: outcomes.filter((outcome) => outcome.sent).length,
    within8s: times.filter((ms) => ms <= 8000).length,
    medianMs: median(times),
    slowestMs: times.length === 0 ? undefined : Math.max(...times),
  };
}

/** A row for everyone, then one per group of each grouping (a group with no label is "not labelled"). */
export function groupRows(outcomes: readonly PersonOutcome[]): GroupRow[] {
  const byName = new Map(people.map((person) => [person.name, person]));
  const rows = [rowOf('all', 'everyone', outcomes)];
  for (const [label, key] of groupings) {
    const groups = new Map<string, PersonOutcome[]>();
    for (const outcome of outcomes) {
      const value = byName.get(outcome.name)?.[key] || 'not labelled';
      groups.set(value, [...(groups.get(value) ?? []), outcome]);
    }
    for (const [group, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) rows.push(rowOf(label, group, members));
  }
  return rows;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);
const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${Math.round((100 * part) / whole)}%`);

export function formatGroupTable(rows: readonly GroupRow[]): string {
  const lines = [`  ${'group'.padEnd(40)} ${'people'.padStart(6)}  ${'sent by itself'.padEnd(15)} ${'within 8 s'.padStart(10)}  ${'median'.padStart(7)}  ${'slowest'.padStart(7)}`];
  let grouping = '';
  for (const row of rows) {
    if (row.grouping !== grouping && row.grouping !== 'all') lines.push(`  ${row.grouping}`);
    grouping = row.grouping;
    const name = row.grouping === 'all' ? row.group : `  ${row.group}`;
    lines.push(
      `  ${name.padEnd(40)} ${String(row.people).padStart(6)}  ${`${row.sent} (${percent(row.sent, row.people)})`.padEnd(15)} ${String(row.within8s).padStart(10)}  ${seconds(row.medianMs).padStart(7)}  ${seconds(row.slowestMs).padStart(7)}`,
    );
  }
  return lines.join('\n');
}
