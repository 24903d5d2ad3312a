import { calcPrice } from '@pydantic/genai-prices';
import type { ModelProvider } from '../contracts/run.js';

// USD for one model call from the maintained price table of @pydantic/genai-prices (bundled with
// the package; never fetched at run time); null when the model is not in the table.
export function priceOf(model: string, provider: ModelProvider, inputTokens: number, outputTokens: number): number | null {
  try {
    const found = calcPrice({ input_tokens: inputTokens, output_tokens: outputTokens }, model, { providerId: provider }) ?? calcPrice({ input_tokens: inputTokens, output_tokens: outputTokens }, model);
    return found ? found.total_price : null;
  } catch {
    return null;
  }
}
