// The API token for writes: asked for once, kept in sessionStorage only (gone when the tab
// closes), sent with each write; a write the server refuses as unauthenticated or forbidden asks
// again, saying why. Pure apart from what is injected (the storage, the question).
import { ApiError } from '../api/client.js';

export const TOKEN_KEY = 'actor-graph:api-token';

/** Asks the user for the token; `message` says why it is asked again. Null: the user declined. */
export type AskToken = (message: string | null) => Promise<string | null>;

export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class TokenKeeper {
  constructor(
    private readonly storage: TokenStorage,
    private readonly ask: AskToken,
  ) {}

  get token(): string | null {
    return this.storage.getItem(TOKEN_KEY);
  }

  forget(): void {
    this.storage.removeItem(TOKEN_KEY);
  }

  /**
   * Runs one write with the token, asking for it first when there is none. When the server refuses
   * the token, it is forgotten and asked for again with the server's message, until the write
   * passes or the user declines (then an `auth` ApiError).
   */
  async write<T>(run: (token: string) => Promise<T>): Promise<T> {
    let message: string | null = null;
    for (;;) {
      let token = this.token;
      if (!token || message !== null) {
        const given = (await this.ask(message))?.trim();
        if (!given) throw new ApiError(message ?? 'This needs the API token, and none was given.', 'auth');
        token = given;
        this.storage.setItem(TOKEN_KEY, token);
      }
      try {
        return await run(token);
      } catch (error) {
        if (!(error instanceof ApiError) || error.kind !== 'auth') throw error;
        this.forget();
        message = error.message;
      }
    }
  }
}
