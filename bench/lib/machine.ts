/** The machine a run was taken on, recorded next to its numbers. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import postgres from 'postgres';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  os: string;
  loadAverageAtStart: number[];
  date: string;
  gitCommit: string | null;
}

export async function machineInfo(databaseUrl: string, repo: string): Promise<MachineInfo> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let version = 'unknown';
  try {
    version = (await sql<{ v: string }[]>`select current_setting('server_version') as v`)[0]?.v ?? version;
  } finally {
    await sql.end({ timeout: 5 });
  }
  let gitCommit: string | null = null;
  try {
    gitCommit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
  } catch {
    gitCommit = null;
  }
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: version,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    date: new Date().toISOString(),
    gitCommit,
  };
}
