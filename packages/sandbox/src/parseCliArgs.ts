export const defaultCliPort = 8787;

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'serve'; port: number; host: string; secret: string | undefined; basePath: string | undefined }
  | { kind: 'error'; message: string };

export const cliUsage = `Usage: biometric-sandbox [options]

Offline stand-in for Verifik's biometric-validation API.

Options:
  --port <n>         port to listen on, 0 for any free one (default ${defaultCliPort})
  --host <host>      interface to bind (default 127.0.0.1)
  --secret <text>    HS256 key for the tokens it signs (default: random per start)
  --base-path <path> path prefix in front of /v2/... (default none)
  -h, --help         show this help`;

const valueFlags = ['--port', '--host', '--secret', '--base-path'] as const;
type ValueFlag = (typeof valueFlags)[number];

function isValueFlag(value: string): value is ValueFlag {
  return (valueFlags as readonly string[]).includes(value);
}

/** Pure, so every flag combination is testable without starting a process. Accepts `--flag value` and `--flag=value`. */
export function parseCliArgs(args: readonly string[]): CliCommand {
  const values: Partial<Record<ValueFlag, string>> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    const equals = arg.indexOf('=');
    const flag = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    if (!isValueFlag(flag)) return { kind: 'error', message: `Unknown argument: ${arg}` };
    if (values[flag] !== undefined) return { kind: 'error', message: `${flag} given twice` };
    let value: string | undefined;
    if (flag !== arg) {
      value = arg.slice(equals + 1);
    } else {
      value = args[index + 1];
      index += 1;
    }
    if (value === undefined || value === '' || (flag === arg && value.startsWith('--'))) {
      return { kind: 'error', message: `${flag} needs a value` };
    }
    values[flag] = value;
  }

  let port = defaultCliPort;
  if (values['--port'] !== undefined) {
    if (!/^\d{1,5}$/.test(values['--port']) || Number(values['--port']) > 65_535) {
      return { kind: 'error', message: `--port must be an integer from 0 to 65535, got ${values['--port']}` };
    }
    port = Number(values['--port']);
  }
  const basePath = values['--base-path'];
  if (basePath !== undefined && !basePath.startsWith('/')) {
    return { kind: 'error', message: `--base-path must start with "/", got ${basePath}` };
  }
  return { kind: 'serve', port, host: values['--host'] ?? '127.0.0.1', secret: values['--secret'], basePath };
}
