import { APIError, type OpenAI } from 'openai';

type Request = OpenAI.ChatCompletionCreateParamsStreaming;

/**
 * `stream_options: { include_usage: true }` makes servers that send usage only on request send it. A few
 * OpenAI-compatible servers answer 400 to the option itself: then the request is made once more without it, and
 * when that one is accepted the server is not asked again (per base URL, for the life of the process).
 */
export class UsageOption {
  private readonly refused = new Set<string>();

  constructor(private readonly baseUrl: () => string) {}

  wanted(): boolean {
    return !this.refused.has(this.baseUrl());
  }

  async open(client: OpenAI, request: Request, signal: AbortSignal) {
    const server = this.baseUrl();
    try {
      return await client.chat.completions.create(request, { signal });
    } catch (error) {
      if (!request.stream_options || !(error instanceof APIError) || error.status !== 400) throw error;
      const { stream_options: _, ...without } = request;
      let stream;
      try {
        stream = await client.chat.completions.create(without, { signal });
      } catch {
        // Refused without it too: the 400 was about something else, and that is what the user should read.
        throw error;
      }
      this.refused.add(server);
      return stream;
    }
  }
}
