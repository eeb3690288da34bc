import { describe, expect, it } from 'vitest';
import { defaultCliPort, parseCliArgs } from './parseCliArgs.js';

describe('parseCliArgs', () => {
  it('defaults to 127.0.0.1 on the default port with a random secret', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'serve', port: defaultCliPort, host: '127.0.0.1', secret: undefined, basePath: undefined });
  });

  it('reads every flag, as "--flag value" and "--flag=value"', () => {
    expect(parseCliArgs(['--port', '0', '--host=0.0.0.0', '--secret', 's3cret', '--base-path=/verifik'])).toEqual({
      kind: 'serve',
      port: 0,
      host: '0.0.0.0',
      secret: 's3cret',
      basePath: '/verifik',
    });
  });

  it('keeps "=" inside a value', () => {
    expect(parseCliArgs(['--secret=a=b'])).toMatchObject({ kind: 'serve', secret: 'a=b' });
  });

  it.each([['--help'], ['-h'], ['--port', '1', '--help']])('%s asks for help', (...args) => {
    expect(parseCliArgs(args)).toEqual({ kind: 'help' });
  });

  it.each([
    [['--prot', '1'], 'Unknown argument: --prot'],
    [['serve'], 'Unknown argument: serve'],
    [['--port'], '--port needs a value'],
    [['--port='], '--port needs a value'],
    [['--secret', '--port', '1'], '--secret needs a value'],
    [['--port', 'abc'], '--port must be an integer from 0 to 65535, got abc'],
    [['--port', '-1'], '--port must be an integer from 0 to 65535, got -1'],
    [['--port', '65536'], '--port must be an integer from 0 to 65535, got 65536'],
    [['--port', '1.5'], '--port must be an integer from 0 to 65535, got 1.5'],
    [['--port', '1', '--port', '2'], '--port given twice'],
    [['--base-path', 'verifik'], '--base-path must start with "/", got verifik'],
  ])('%j is refused: %s', (args, message) => {
    expect(parseCliArgs(args)).toEqual({ kind: 'error', message });
  });
});
