/** Rounds of each side per scenario (BENCH_ROUNDS): this shared machine's speed moves from minute to minute, so one pair of runs proves little. */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** The round whose ratio is the median (the lower middle one for an even count): the figures shown. */
export function medianRound<T extends { ratio: number }>(rounds: T[]): T {
  return [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor((rounds.length - 1) / 2)];
}
