/** `--llm PROVIDER:MODEL` and its companions, read from flags and the environment; keys stay secret. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OLLAMA_BASE_URL, parseLlmConfig } from '../../orchestrator/advisor/llm/config.js';

describe('the LLM configuration', () => {
  it('is null without --llm or HUDDLE_LLM, whatever else is set', () => {
    expect(parseLlmConfig({}, {})).toBeNull();
    expect(parseLlmConfig({ baseUrl: 'http://127.0.0.1:1/v1' }, { OPENAI_API_KEY: 'sk-1', HUDDLE_LLM_BASE_URL: 'http://127.0.0.1:2/v1' })).toBeNull();
    expect(parseLlmConfig({ spec: '  ' }, {})).toBeNull();
  });

  it('reads each provider, with keys from the providers’ usual variables', () => {
    expect(parseLlmConfig({ spec: 'anthropic:claude-sonnet-4-5' }, { ANTHROPIC_API_KEY: 'a-key' })).toMatchObject({ provider: 'anthropic', model: 'claude-sonnet-4-5', label: 'anthropic:claude-sonnet-4-5' });
    expect(parseLlmConfig({ spec: 'openai:gpt-4.1-mini' }, { OPENAI_API_KEY: 'o-key' })?.apiKey?.reveal()).toBe('o-key');
    expect(parseLlmConfig({ spec: 'openai:gpt-4.1-mini' }, { OPENAI_API_KEY: 'o-key', HUDDLE_LLM_API_KEY: 'h-key' })?.apiKey?.reveal()).toBe('h-key');
    expect(parseLlmConfig({}, { HUDDLE_LLM: 'openai-compatible:test', HUDDLE_LLM_BASE_URL: 'http://127.0.0.1:8080/v1' })).toMatchObject({ provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:8080/v1' });
  });

  it('takes ollama as openai-compatible at Ollama’s default address, which --llm-base-url overrides', () => {
    expect(parseLlmConfig({ spec: 'ollama:llama3.2' }, {})).toMatchObject({ provider: 'openai-compatible', model: 'llama3.2', label: 'ollama:llama3.2', baseUrl: OLLAMA_BASE_URL });
    expect(parseLlmConfig({ spec: 'ollama:llama3.2', baseUrl: 'http://10.0.0.5:11434/v1' }, {})?.baseUrl).toBe('http://10.0.0.5:11434/v1');
  });

  it('names a command provider by its program only, never its arguments', () => {
    const config = parseLlmConfig({ spec: 'command:/usr/local/bin/claude -p --output-format json' }, {});
    expect(config).toMatchObject({ provider: 'command', model: '/usr/local/bin/claude -p --output-format json', label: 'command:claude' });
  });

  it('says what to type instead of a mistake', () => {
    expect(() => parseLlmConfig({ spec: 'gemini:pro' }, {})).toThrow(/not a provider Huddle knows.*anthropic, openai, openai-compatible, ollama, command/);
    expect(() => parseLlmConfig({ spec: 'anthropic' }, {})).toThrow(/PROVIDER:MODEL/);
    expect(() => parseLlmConfig({ spec: 'anthropic:claude' }, {})).toThrow(/ANTHROPIC_API_KEY \(or HUDDLE_LLM_API_KEY\)/);
    expect(() => parseLlmConfig({ spec: 'openai-compatible:x' }, {})).toThrow(/--llm-base-url/);
    expect(() => parseLlmConfig({ spec: 'openai-compatible:x', baseUrl: 'localhost:1234' }, {})).toThrow(/http or https|takes a URL/);
    expect(() => parseLlmConfig({ spec: 'openai-compatible:x', baseUrl: 'http://user:pw@127.0.0.1/v1' }, {})).toThrow(/HUDDLE_LLM_API_KEY/);
    expect(() => parseLlmConfig({ spec: 'ollama:x', chat: 'some' }, {})).toThrow(/"unsure".*"all"/);
    expect(() => parseLlmConfig({ spec: 'ollama:x', budgetTokens: 'lots' }, {})).toThrow(/whole number of tokens/);
  });

  it('sets the budget, the chat lines and one time limit for every use', () => {
    const config = parseLlmConfig({ spec: 'ollama:x', budgetTokens: '50_000', chat: 'all', timeoutMs: 5000 }, {});
    expect(config?.limits.budgetTokens).toBe(50_000);
    expect(config?.chat).toBe('all');
    expect(Object.values(config!.limits.timeoutMs)).toEqual([5000, 5000, 5000, 5000]);
  });

  it('never shows the key: not in JSON, not in a string, not when inspected', () => {
    const config = parseLlmConfig({ spec: 'anthropic:claude' }, { ANTHROPIC_API_KEY: 'sk-ant-very-secret' })!;
    for (const shown of [JSON.stringify(config), String(config.apiKey), inspect(config, { depth: 5 }), `${config.apiKey}`]) expect(shown).not.toContain('very-secret');
  });
});
