import { VirtualClock } from '../../../emulator/workflows';
import { deployErrors, expr, exprError, result, run } from './run-helper';

describe('text', () => {
  test.each([
    ['text.split("a,b,,c", ",")', '["a","b","","c"]'],
    ['text.replace_all("a-b-c", "-", "+")', '"a+b+c"'],
    ['text.replace_all_regex("a1b22", "[0-9]+", "#")', '"a#b#"'],
    // Backreferences are not supported in repl: \\1 stays literal text (the function's reference page).
    ['text.replace_all_regex("john smith", "(\\\\w+) (\\\\w+)", "\\\\2 \\\\1")', '"\\\\2 \\\\1"'],
    ['text.replace_all_regex("ab_12", "([a-z]+)_([0-9]+)", "\\\\2_\\\\1")', '"\\\\2_\\\\1"'],
    ['text.replace_all_regex("a1", "[0-9]", "$1$&")', '"a$1$&"'],
    ['text.match_regex("model_v2", "^[a-z_]+v[0-9]$")', 'true'],
    ['text.match_regex("abc", "^b")', 'false'],
    ['text.find_all("abcabc", "bc")', '[1,4]'],
    ['text.find_all_regex("a1b22", "[0-9]+")', '[{"index":1,"match":"1"},{"index":3,"match":"22"}]'],
    ['text.substring("héllo", 1, 3)', '"él"'],
    ['text.to_upper("abc")', '"ABC"'],
    ['text.to_lower("ABC")', '"abc"'],
    ['text.url_encode("a b&c/d")', '"a%20b%26c%2Fd"'],
    ['text.url_encode_plus("a b")', '"a+b"'],
    ['text.url_decode("a%20b")', '"a b"'],
    ['text.decode(text.encode("héllo"))', '"héllo"'],
  ])('%s gives %s', async (e, out) => {
    expect(await expr(e)).toBe(out);
  });
  test.each([
    ['text.match_regex("Permission DENIED", "(?i)permission denied")', 'true'],
    ['text.match_regex("a\\nb", "(?s)a.b")', 'true'],
    ['text.match_regex("abc", "\\\\Aabc\\\\z")', 'true'],
    ['text.match_regex("abc\\n", "abc\\\\z")', 'false'],
    ['text.match_regex("a.b", "\\\\Qa.b\\\\E")', 'true'],
    ['text.match_regex("axb", "\\\\Qa.b\\\\E")', 'false'],
    ['text.match_regex("abc1", "^[[:alpha:]]+[[:digit:]]$")', 'true'],
    ['text.match_regex("é", "^\\\\pL$")', 'true'],
    ['text.replace_all_regex("k=v", "(?P<key>\\\\w+)=(\\\\w+)", "x")', '"x"'],
  ])('RE2 syntax: %s gives %s', async (e, out) => {
    expect(await expr(e)).toBe(out);
  });
  test('RE2, not JavaScript: lookahead and backreferences are a ValueError; (?U) and mid-pattern flags work', async () => {
    expect(await exprError('text.match_regex("abc", "a(?=b)")')).toEqual(['ValueError']);
    expect(await exprError('text.match_regex("abab", "(ab)\\\\1")')).toEqual(['ValueError']);
    expect(await expr('text.match_regex("aB", "a(?i)b")')).toBe('true');
    expect(await expr('text.find_all_regex("aaa", "(?U)a+")')).toBe(
      '[{"index":0,"match":"a"},{"index":1,"match":"a"},{"index":2,"match":"a"}]',
    );
  });
  test('bad regular expressions are a ValueError; wrong types a TypeError', async () => {
    expect(await exprError('text.match_regex("a", "(")')).toEqual(['ValueError']);
    expect(await exprError('text.split(1, ",")')).toEqual(['TypeError']);
  });
});

describe('list and map', () => {
  test.each([
    ['list.concat([1, 2], 3)', '[1,2,3]'],
    ['list.concat([], [1])', '[[1]]'],
    ['list.prepend([1, 2], 0)', '[0,1,2]'],
    ['map.get({"a": {"b": 1}}, "a")', '{"b":1}'],
    ['map.get({"a": {"b": 1}}, ["a", "b"])', '1'],
    ['map.get({"a": {"b": 1}}, ["a", "x", "y"])', 'null'],
    ['map.get({"a": 1}, "missing")', 'null'],
    ['map.delete({"a": 1, "b": 2}, "a")', '{"b":2}'],
    ['map.merge({"a": 1, "b": {"x": 1}}, {"b": {"y": 2}})', '{"a":1,"b":{"y":2}}'],
    ['map.merge_nested({"a": 1, "b": {"x": 1}}, {"b": {"y": 2}})', '{"a":1,"b":{"x":1,"y":2}}'],
  ])('%s gives %s', async (e, out) => {
    expect(await expr(e)).toBe(out);
  });
});

describe('math', () => {
  test.each([
    ['math.abs(-3)', '3'],
    ['math.abs(-2.5)', '2.5'],
    ['math.max(1, 2)', '2'],
    ['math.max(1, 2.5)', '2.5'],
    ['math.min(4, 2)', '2'],
  ])('%s gives %s', async (e, out) => {
    expect(await expr(e)).toBe(out);
  });
});

describe('json, base64, hash, uuid', () => {
  test.each([
    [
      'json.encode_to_string({"a": [1, 2.5, "x", null, true]})',
      JSON.stringify('{"a":[1,2.5,"x",null,true]}'),
    ],
    ['json.encode_to_string({"a": 1}, true)', JSON.stringify('{\n  "a": 1\n}')],
    [
      'json.decode("{\\"n\\": 1, \\"d\\": 1.0, \\"big\\": 9007199254740993}")',
      '{"n":1,"d":1.0,"big":9007199254740993}',
    ],
    ['json.decode(json.encode([1, "a"]))', '[1,"a"]'],
    ['base64.encode(text.encode("hello"))', '"aGVsbG8="'],
    ['base64.encode(text.encode("hello"), false)', '"aGVsbG8"'],
    ['text.decode(base64.decode("aGVsbG8="))', '"hello"'],
    [
      'base64.encode(hash.compute_checksum(text.encode("abc"), "SHA256"))',
      '"ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="',
    ],
    ['base64.encode(hash.compute_checksum(text.encode("abc"), "MD5"))', '"kAFQmDzST7DWlj99KOF/cg=="'],
    ['len(base64.encode(hash.compute_hmac(text.encode("k"), text.encode("d"), "SHA256")))', '44'],
    [
      'text.match_regex(uuid.generate(), "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")',
      'true',
    ],
  ])('%s gives %s', async (e, out) => {
    expect(await expr(e)).toBe(out);
  });
  test('bytes cannot be returned from a workflow', async () => {
    const res = await run('- r:\n    return: ${text.encode("x")}\n');
    expect(res.state).toBe('FAILED');
    expect(res.error).toMatchObject({ tags: ['TypeError'] });
  });
  test('json.decode of bad text is a ValueError; hashing a string (not bytes) a TypeError', async () => {
    expect(await exprError('json.decode("{")')).toEqual(['ValueError']);
    expect(await exprError('hash.compute_checksum("abc", "SHA256")')).toEqual(['TypeError']);
  });
});

describe('sys and time', () => {
  test('sys.get_env gives the built-in variables; unknown names give null or the default (disputed: typings say null)', async () => {
    const src = `
- r:
    return:
      - \${sys.get_env("GOOGLE_CLOUD_PROJECT_ID")}
      - \${sys.get_env("GOOGLE_CLOUD_LOCATION")}
      - \${sys.get_env("GOOGLE_CLOUD_WORKFLOW_ID")}
      - \${sys.get_env("GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID")}
      - \${sys.get_env("NOPE")}
      - \${sys.get_env("NOPE", "fallback")}
`;
    expect(
      await result(src, {
        env: { GOOGLE_CLOUD_PROJECT_ID: 'proj-1' },
        fileName: 'my-flow.yaml',
        executionId: 'ex-1',
      }),
    ).toEqual(['proj-1', 'us-central1', 'my-flow', 'ex-1', null, 'fallback']);
  });

  test('sys.now, sys.sleep and time.format run on the virtual clock', async () => {
    const src = `
- t0:
    assign:
      - start: \${sys.now()}
- nap:
    call: sys.sleep
    args:
      seconds: 90
- t1:
    return:
      - \${get_type(start)}
      - \${sys.now() - start}
      - \${time.format(sys.now())}
`;
    const res = await run(src, { clock: new VirtualClock(Date.UTC(2026, 0, 2, 3, 4, 5) / 1000) });
    expect(res.result).toEqual(['double', 90, '2026-01-02T03:05:35.000000Z']);
    expect(res.virtualSeconds).toBe(90);
  });

  test('sys.sleep_until waits until the given time', async () => {
    const src = '- s:\n    call: sys.sleep_until\n    args:\n      time: "2026-01-01T00:10:00Z"\n';
    const res = await run(src, { clock: new VirtualClock(Date.UTC(2026, 0, 1) / 1000) });
    expect(res.virtualSeconds).toBe(600);
  });

  test.each([
    ['time.format(0)', '"1970-01-01T00:00:00.000000Z"'],
    ['time.format(1.5)', '"1970-01-01T00:00:01.500000Z"'],
    ['time.format(0, "America/New_York")', '"1969-12-31T19:00:00.000000-05:00"'],
    ['time.parse("2026-01-01T00:00:01.25Z")', String(Date.UTC(2026, 0, 1) / 1000 + 1.25)],
    ['time.parse("1970-01-01T01:00:00+01:00")', '0.0'],
  ])('%s gives %s', async (e, out) => {
    expect(await expr(e)).toBe(out);
  });

  test('sys.log goes to the event stream with its severity, not to the result', async () => {
    const src =
      '- l:\n    call: sys.log\n    args:\n      text: hello\n      severity: WARNING\n- r:\n    return: done\n';
    const res = await run(src);
    expect(res.result).toBe('done');
    expect(res.events.filter((e) => e.type === 'log')).toEqual([
      expect.objectContaining({ routine: 'main', step: 'l', severity: 'WARNING', payload: 'hello' }),
    ]);
  });

  test('sys.sleep with a negative time is a ValueError', async () => {
    const res = await run('- s:\n    call: sys.sleep\n    args:\n      seconds: -1\n');
    expect(res.error).toMatchObject({ tags: ['ValueError'] });
  });

  test('callbacks need Google: the events module fails with a clear message', async () => {
    const res = await run(
      '- c:\n    call: events.create_callback_endpoint\n    args:\n      http_callback_method: POST\n',
    );
    expect(res.error).toMatchObject({ tags: ['SystemError'] });
  });

  test('retry.default_backoff is a readable map', async () => {
    expect(await expr('retry.default_backoff')).toBe('{"initial_delay":1,"max_delay":60,"multiplier":1.25}');
  });

  test('an unknown dotted name is an undefined variable at deploy time', () => {
    expect(deployErrors('- r:\n    return: ${nosuchmodule.x}\n').join()).toMatch(/variable 'nosuchmodule'/);
  });
});
