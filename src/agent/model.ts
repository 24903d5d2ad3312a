import OpenAI from 'openai';
import { userError } from '../errors.js';

// A chat model reached through an OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp server,
// OpenRouter…). The official SDK does the wire format; keys come from the environment.
export interface ModelConfig {
  model: string;
  baseURL?: string;
  apiKey?: string;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatReply {
  text: string;
  inputTokens: number;
  outputTokens: number;
}

// The model named by a flag or by SHIPBENCH_MODEL, with OPENAI_BASE_URL / OPENAI_API_KEY; null when none.
export function modelFromEnvironment(flags: { model?: string; baseUrl?: string } = {}): ModelConfig | null {
  const model = flags.model ?? process.env.SHIPBENCH_MODEL;
  if (!model) return null;
  return { model, baseURL: flags.baseUrl ?? process.env.OPENAI_BASE_URL, apiKey: process.env.OPENAI_API_KEY };
}

// One chat completion.
export async function chat(config: ModelConfig, messages: ChatMessage[], options: { signal?: AbortSignal; maxTokens?: number } = {}): Promise<ChatReply> {
  const client = new OpenAI({ apiKey: config.apiKey ?? 'no-key', baseURL: config.baseURL, maxRetries: 2, timeout: 120_000 });
  let response;
  try {
    response = await client.chat.completions.create({ model: config.model, messages, max_tokens: options.maxTokens ?? 4096 }, { signal: options.signal });
  } catch (error) {
    throw userError('model.request', `the model ${config.model} did not answer (${(error as Error).message})`, 'check SHIPBENCH_MODEL, OPENAI_BASE_URL and OPENAI_API_KEY', error);
  }
  return {
    text: response.choices[0]?.message?.content ?? '',
    inputTokens: response.usage?.prompt_tokens ?? 0,
    outputTokens: response.usage?.completion_tokens ?? 0,
  };
}
