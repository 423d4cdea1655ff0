/** One measured number of the benchmark suite, as printed in the table and written to bench/results/. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}
