import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import type { ModelProvider, Usage } from '../contracts/run.js';
import { ShipbenchError, userError } from '../errors.js';
import { priceOf } from './price.js';

// Chat models: OpenAI-compatible endpoints (OpenAI, vLLM, llama.cpp server, OpenRouter…) through
// the official `openai` SDK and Anthropic's through `@anthropic-ai/sdk`. This folder holds the
// only network code of shipbench; keys come from the environment and are never recorded.

export interface ModelConfig {
  model: string;
  provider?: ModelProvider;
  baseURL?: string;
  apiKey?: string;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatReply {
  text: string;
  usage: Usage;
  latencyMs: number;
}

// Why a model call failed, for the caller to decide: `infrastructure` (unreachable, overloaded,
// 5xx: retry the trial), `agent` (the request itself was refused, e.g. the context is full: the
// episode ends), `user` (no key, unknown model: stop and tell the user).
export type ModelFailure = 'infrastructure' | 'agent' | 'user';

export class ModelError extends ShipbenchError {
  constructor(
    readonly failure: ModelFailure,
    message: string,
    cause: unknown,
  ) {
    super(`model.${failure}`, message, { kind: failure === 'user' ? 'user' : 'internal', cause, hint: failure === 'user' ? 'check the model name, base URL and API key' : undefined });
  }
}

// The provider a model name implies when none is given.
export function providerOf(config: Pick<ModelConfig, 'model' | 'provider'>): ModelProvider {
  return config.provider ?? (/^claude/.test(config.model) ? 'anthropic' : 'openai');
}

// The model named by a flag or by SHIPBENCH_MODEL, with its key and base URL from the environment; null when none.
export function modelFromEnvironment(flags: { model?: string; baseUrl?: string; provider?: ModelProvider } = {}): ModelConfig | null {
  const model = flags.model ?? process.env.SHIPBENCH_MODEL;
  if (!model) return null;
  const provider = providerOf({ model, provider: flags.provider });
  if (provider === 'anthropic') {
    return { model, provider, baseURL: flags.baseUrl ?? process.env.ANTHROPIC_BASE_URL, apiKey: process.env.ANTHROPIC_API_KEY };
  }
  return { model, provider, baseURL: flags.baseUrl ?? process.env.OPENAI_BASE_URL, apiKey: process.env.OPENAI_API_KEY };
}

// Refuses a model that cannot be reached as configured: no key and no local base URL.
export function checkModelConfig(config: ModelConfig): void {
  if (config.apiKey || config.baseURL) return;
  const variable = providerOf(config) === 'anthropic' ? 'ANTHROPIC_API_KEY' : 'OPENAI_API_KEY';
  throw userError('model.key', `no API key for ${config.model}: ${variable} is not set`, `export ${variable}=… or give --base-url of a local server`);
}

// One chat completion with its token usage and cost.
export async function chat(config: ModelConfig, messages: ChatMessage[], options: { signal?: AbortSignal; maxTokens?: number } = {}): Promise<ChatReply> {
  const started = performance.now();
  const provider = providerOf(config);
  let text: string;
  let inputTokens: number;
  let outputTokens: number;
  try {
    if (provider === 'anthropic') {
      const client = new Anthropic({ apiKey: config.apiKey ?? 'no-key', baseURL: config.baseURL, maxRetries: 3, timeout: 300_000 });
      const system = messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n\n');
      const response = await client.messages.create(
        {
          model: config.model,
          max_tokens: options.maxTokens ?? 8192,
          ...(system ? { system } : {}),
          messages: messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content })),
        },
        { signal: options.signal },
      );
      text = response.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
      inputTokens = response.usage.input_tokens + (response.usage.cache_read_input_tokens ?? 0) + (response.usage.cache_creation_input_tokens ?? 0);
      outputTokens = response.usage.output_tokens;
    } else {
      const client = new OpenAI({ apiKey: config.apiKey ?? 'no-key', baseURL: config.baseURL, maxRetries: 3, timeout: 300_000 });
      const response = await client.chat.completions.create({ model: config.model, messages, max_tokens: options.maxTokens ?? 8192 }, { signal: options.signal });
      text = response.choices[0]?.message?.content ?? '';
      inputTokens = response.usage?.prompt_tokens ?? 0;
      outputTokens = response.usage?.completion_tokens ?? 0;
    }
  } catch (error) {
    throw classify(config, error);
  }
  const price = priceOf(config.model, provider, inputTokens, outputTokens);
  return {
    text,
    usage: { inputTokens, outputTokens, costUsd: price ?? 0, priced: price !== null },
    latencyMs: performance.now() - started,
  };
}

function classify(config: ModelConfig, error: unknown): ModelError {
  const status = (error as { status?: number }).status;
  const detail = (error as Error).message;
  if (status === 401 || status === 403 || status === 404) return new ModelError('user', `the model ${config.model} refused the request (${status}: ${detail})`, error);
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429) {
    return new ModelError('agent', `the model ${config.model} rejected the request (${status}: ${detail})`, error);
  }
  return new ModelError('infrastructure', `the model ${config.model} did not answer (${detail})`, error);
}
