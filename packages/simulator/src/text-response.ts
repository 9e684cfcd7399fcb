/**
 * A Response whose body is a string the simulator already has. Building a real body stream costs
 * more than answering the request itself (about two thirds of an in-process request in Node), so
 * text(), json(), arrayBuffer() and bytes() read the string directly; `body`, blob(), formData()
 * and clone() get a real Response made on first use. Everything else (status, headers, ok,
 * instanceof Response) is the platform's own.
 */
export class TextResponse extends Response {
  readonly #text: string | null;
  #used = false;
  #real: Response | undefined;

  constructor(text: string | null, init: ResponseInit) {
    super(null, init);
    this.#text = text;
  }

  #realBody(): Response {
    this.#real ??= new Response(this.#text, { status: this.status, statusText: this.statusText, headers: this.headers });
    return this.#real;
  }

  #take(): string {
    if (this.bodyUsed) throw new TypeError("Body is unusable: Body has already been read");
    this.#used = true;
    return this.#text ?? "";
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#text === null ? null : (this.#realBody().body as ReadableStream<Uint8Array<ArrayBuffer>>);
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#real?.bodyUsed ?? false);
  }

  override async text(): Promise<string> {
    return this.#take();
  }

  override async json(): Promise<any> {
    return JSON.parse(this.#take());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(this.#take()).buffer as ArrayBuffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new TextEncoder().encode(this.#take()) as Uint8Array<ArrayBuffer>;
  }

  override blob(): Promise<Blob> {
    if (this.bodyUsed) return Promise.reject(new TypeError("Body is unusable: Body has already been read"));
    return this.#realBody().blob();
  }

  override formData(): Promise<FormData> {
    if (this.bodyUsed) return Promise.reject(new TypeError("Body is unusable: Body has already been read"));
    return this.#realBody().formData();
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError("Response.clone: Body has already been consumed.");
    return new TextResponse(this.#text, { status: this.status, statusText: this.statusText, headers: this.headers });
  }
}
