/**
 * One HTTP/1.1 client connection for the load generator, leaner than node:http's client: the
 * request goes out as one pre-serialised buffer and the response is framed by Content-Length,
 * chunked encoding or connection close, with no streams or header objects in between. On this
 * 2-core box, node:http cost the generator 30–130 µs of CPU per request, CPU the server lost.
 * A connection carries one request at a time (closed loop) and reconnects after a server closes
 * it (moto's werkzeug answers `Connection: close` every time). A 200's body is read only when the
 * caller needs it (the next step of a two-step sign-in is built from it).
 */
import { connect, type Socket } from 'node:net';

export interface Response {
  /** 0 when the request failed below HTTP. */
  status: number;
  /** The body of an error (or of a 200 sent with `keepBody`), or a network error message. */
  body: string;
  /** x-amzn-ErrorType, when an error response carried it. */
  errorType?: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** Serialises a POST / once, so every send is a single socket write of a ready buffer. */
export function serialiseRequest(headers: Record<string, string>, body: Buffer): Buffer {
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return Buffer.concat([Buffer.from(`POST / HTTP/1.1\r\n${head}\r\n`, 'latin1'), body]);
}

export class HttpConnection {
  #socket: Socket | undefined;
  #buffer: Buffer = Buffer.alloc(0);
  #pending: ((response: Response) => void) | undefined;
  #keepBody = false;
  #closed = false;

  constructor(readonly host: string, readonly port: number) {}

  /** Sends one request; `keepBody` also returns the body of a 200. */
  send(wire: Buffer, keepBody = false): Promise<Response> {
    if (this.#closed) return Promise.resolve({ status: 0, body: 'connection closed by the benchmark' });
    return new Promise((resolve) => {
      this.#pending = resolve;
      this.#keepBody = keepBody;
      this.#buffer = Buffer.alloc(0);
      (this.#socket ?? this.#open()).write(wire);
    });
  }

  close(): void {
    this.#closed = true;
    this.#socket?.destroy();
    this.#socket = undefined;
    this.#finish({ status: 0, body: 'connection closed by the benchmark' });
  }

  #open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      this.#finish({ status: 0, body: `network ${error.code ?? error.message}` });
    });
    socket.on('close', () => {
      // Sockets we dropped after a `Connection: close` answer are done with; ignore their events.
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      // A body delimited by the end of the connection is complete now; otherwise the answer was cut.
      const { closeAfter: _, ...answer } = parseResponse(this.#buffer, true, this.#keepBody) ?? { status: 0, body: 'network EOF: connection closed before a full response' };
      this.#finish(answer);
    });
    this.#socket = socket;
    return socket;
  }

  #receive(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const response = parseResponse(this.#buffer, false, this.#keepBody);
    if (!response) return;
    const { closeAfter, ...answer } = response;
    if (closeAfter) {
      this.#socket?.destroy();
      this.#socket = undefined;
    }
    this.#finish(answer);
  }

  #finish(response: Response): void {
    const pending = this.#pending;
    this.#pending = undefined;
    this.#buffer = Buffer.alloc(0);
    pending?.(response);
  }
}

/** A complete response, or undefined while more bytes are needed. */
function parseResponse(data: Buffer, ended: boolean, keepBody: boolean): (Response & { closeAfter: boolean }) | undefined {
  const headerEnd = data.indexOf(HEADER_END);
  if (headerEnd < 0) return undefined;
  const lines = data.toString('latin1', 0, headerEnd).split('\r\n');
  const status = Number(lines[0]!.slice(9, 12));
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const bodyStart = headerEnd + HEADER_END.length;
  const closeAfter = headers.get('connection')?.toLowerCase() === 'close' || lines[0]!.startsWith('HTTP/1.0');
  const body = bodyOf(data, bodyStart, headers, ended);
  if (body === undefined) return undefined;
  return {
    status,
    body: status === 200 && !keepBody ? '' : body.toString('utf8'),
    ...(headers.has('x-amzn-errortype') ? { errorType: headers.get('x-amzn-errortype') } : {}),
    closeAfter,
  };
}

function bodyOf(data: Buffer, start: number, headers: Map<string, string>, ended: boolean): Buffer | undefined {
  const length = headers.get('content-length');
  if (length !== undefined) return data.length >= start + Number(length) ? data.subarray(start, start + Number(length)) : undefined;
  if (headers.get('transfer-encoding')?.toLowerCase().includes('chunked')) return dechunk(data, start);
  return ended ? data.subarray(start) : undefined;
}

/** RFC 9112 §7.1 chunked body; undefined until the last chunk and its final CRLF arrived. */
function dechunk(data: Buffer, start: number): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.toString('latin1', at, lineEnd), 16);
    if (size === 0) {
      // The last chunk is followed by optional trailers and an empty line.
      return data.indexOf(HEADER_END, lineEnd) >= 0 ? Buffer.concat(parts) : undefined;
    }
    if (data.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
