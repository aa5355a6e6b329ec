/**
 * The backup scripts' command lines: a few boolean flags, options that take a value, and
 * positional arguments. Unknown flags are refused, so a typo (`--yse`) never runs the default.
 */

export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string>;
  positional: string[];
}

export function parseArgs(argv: string[], spec: { flags?: string[]; options?: string[] }): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positional: string[] = [];
  const knownFlags = new Set(spec.flags ?? []);
  const knownOptions = new Set(spec.options ?? []);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inlineValue] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (knownFlags.has(name) && inlineValue === undefined) {
      flags.add(name);
    } else if (knownOptions.has(name)) {
      const value = inlineValue ?? argv[i + 1];
      if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) throw new Error(`--${name} needs a value.`);
      if (inlineValue === undefined) i += 1;
      options.set(name, value);
    } else {
      const known = [...knownFlags, ...knownOptions].map((n) => `--${n}`).join(', ');
      throw new Error(`Unknown option ${arg}${known ? ` (known: ${known})` : ''}.`);
    }
  }
  return { flags, options, positional };
}
