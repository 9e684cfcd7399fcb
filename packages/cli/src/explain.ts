import {
  AuthenticationError,
  CdeskApiError,
  CdeskConfigError,
  CdeskConnectionError,
  CdeskError,
  CdeskInputError,
  CdeskTimeoutError,
  ConflictError,
  NotFoundError,
  OfferExpiredError,
  PermissionDeniedError,
} from "@cdesk/client";
import { ProvisioningFailedError, WaitTimeoutError } from "@cdesk/poller";
import {
  BlockedPortError,
  DeadlineExceeded,
  ExitCode,
  HintedError,
  Interrupted,
  NoOfferError,
  TimedOutError,
  UsageError,
} from "./errors.js";
import { formatDuration } from "./format/time.js";
import { cliWords } from "./vocabulary.js";

/** An error as the user sees it: one line, maybe a hint, and the exit code. */
export interface ExplainedError {
  message: string;
  hint?: string;
  exitCode: number;
}

/** Where the failed command was talking to, for messages about the connection. */
export interface ErrorScene {
  /** The last URL a request went to (no credentials, no query), else the base URL. */
  url?: string;
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  410: "Gone",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

export const TOKEN_HINT =
  "Run `cdesk auth login`, set CDESK_API_TOKEN=<your token>, or pass --token-file <file> (a file holding only the token).";
const ADDRESS_HINT = "Check the address (--base-url or CDESK_BASE_URL) and your connection.";

/** Words for the socket errors people meet; the code stays in brackets for searching. */
const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed",
};

/**
 * Maps any error to its line, hint and exit code. Never includes the token: errors do not carry it.
 * Messages may hold server text; the caller makes them safe for the terminal.
 */
export function explainError(error: unknown, scene: ErrorScene = {}): ExplainedError {
  if (error instanceof HintedError) {
    const inner = explainError(error.cause, scene);
    const hint = error.placement === "append" ? [inner.hint, error.hint].filter(Boolean).join(" ") : error.hint;
    return { ...inner, hint };
  }
  if (error instanceof UsageError) return { message: error.message, exitCode: ExitCode.usage };
  if (error instanceof NoOfferError) return { message: error.message, hint: error.hint, exitCode: ExitCode.noOffer };
  if (error instanceof TimedOutError) {
    const seen = error.lastStage ? ` (last seen: ${error.lastStage})` : "";
    return {
      message: `Gave up after ${formatDuration(error.elapsedMs)}${seen}.`,
      hint: "A longer --timeout waits more.",
      exitCode: ExitCode.timedOut,
    };
  }
  if (error instanceof WaitTimeoutError) return explainError(new TimedOutError(error.elapsedMs), scene);
  if (isAbort(error)) {
    const reason = (error as { cause?: unknown }).cause;
    if (reason instanceof DeadlineExceeded) return explainError(new TimedOutError(reason.timeoutMs), scene);
    return { message: "Interrupted.", exitCode: ExitCode.interrupted };
  }
  if (error instanceof BlockedPortError) {
    return { message: `${error.message}.`, hint: "Use another port in --base-url or CDESK_BASE_URL.", exitCode: ExitCode.usage };
  }
  if (error instanceof CdeskInputError) return { message: cliWords(error.message), exitCode: ExitCode.usage };
  if (error instanceof CdeskConfigError) {
    if (error.option === "token") return { message: "No API token.", hint: TOKEN_HINT, exitCode: ExitCode.auth };
    return { message: cliWords(error.message), exitCode: ExitCode.usage };
  }
  if (error instanceof ProvisioningFailedError) {
    return {
      message: `Provisioning failed: ${error.failureReason}`,
      hint: "Nothing is running for this offer. Search again with `cdesk offers` and procure a fresh offer.",
      exitCode: ExitCode.provisioningFailed,
    };
  }
  if (error instanceof CdeskApiError) return explainApiError(error);
  if (error instanceof CdeskConnectionError) return explainConnectionError(error, scene);
  // Any other failure the SDK reports (e.g. an answer that is not what the spec promises).
  if (error instanceof CdeskError) {
    const message = withoutSdkAdvice(error.message);
    return { message, ...(outcomeUnknown(error) && { hint: unknownOutcomeHint() }), exitCode: ExitCode.failed };
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    message: `internal error: ${text}`,
    hint: "This is a bug in cdesk, or an answer it did not expect; --verbose shows the requests.",
    exitCode: ExitCode.failed,
  };
}

/** The procure call may have bought something although no success was seen. */
export function outcomeUnknown(error: unknown): boolean {
  return (error as { outcomeUnknown?: unknown } | null)?.outcomeUnknown === true;
}

function unknownOutcomeHint(): string {
  return "The request may have gone through: check before you try again.";
}

/** The command's signal fired (an aborted request), or Ctrl-C came where no request was running (a prompt). */
function isAbort(error: unknown): boolean {
  return error instanceof Interrupted || (error instanceof Error && error.name === "AbortError");
}

function explainConnectionError(error: CdeskConnectionError, scene: ErrorScene): ExplainedError {
  const where = `${error.method} ${scene.url ?? error.path}`;
  const message =
    error instanceof CdeskTimeoutError
      ? `${where}: no answer within ${formatDuration(error.timeoutMs)}.`
      : `${where} failed: ${connectionReason(error)}.`;
  return { message, hint: outcomeUnknown(error) ? unknownOutcomeHint() : ADDRESS_HINT, exitCode: ExitCode.failed };
}

/** The socket's error code behind a connection error (`ECONNREFUSED`, `ENOTFOUND`, ...), when the runtime gives one. */
export function socketErrorCode(error: CdeskConnectionError): string | undefined {
  const cause = error.cause as { cause?: { code?: unknown; errors?: { code?: unknown }[] }; code?: unknown } | undefined;
  const code = cause?.cause?.code ?? cause?.cause?.errors?.[0]?.code ?? cause?.code;
  return typeof code === "string" ? code : undefined;
}

/** What went wrong, in words; the SDK's own advice is left out (the CLI gives its own hint). */
function connectionReason(error: CdeskConnectionError): string {
  const code = socketErrorCode(error);
  if (code) return `${NETWORK_WORDS[code] ?? "network error"} (${code})`;
  const prefix = `${error.method} ${error.path} failed: `;
  return withoutSdkAdvice(error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message);
}

/**
 * The SDK ends the message of a failure whose outcome is unknown with its advice ("check
 * offers.status"); the CLI gives its own hint, naming the command and the offer, so it is cut.
 */
function withoutSdkAdvice(message: string): string {
  return message.split(". The request may have been processed")[0]!;
}

function explainApiError(error: CdeskApiError): ExplainedError {
  const reason = apiReason(error.body);
  const where = [`${error.method} ${error.path}`, error.requestId && `request id ${error.requestId}`].filter(Boolean);
  const message = `${error.status} ${STATUS_TEXT[error.status] ?? "Error"}${reason ? `: ${reason}` : ""} (${where.join(", ")})`;
  const refused = error instanceof AuthenticationError || error instanceof PermissionDeniedError;
  const hint = apiHint(error);
  return { message, exitCode: refused ? ExitCode.auth : ExitCode.failed, ...(hint && { hint }) };
}

/** The listing that shows valid values of a route's path parameter. */
const ID_SOURCES: Record<string, string> = {
  offer_id: "`cdesk offers` lists current offers",
  resource_id: "`cdesk resources` lists your resources",
};

function apiHint(error: CdeskApiError): string | undefined {
  if (error instanceof AuthenticationError) return `The API did not accept the token. ${TOKEN_HINT}`;
  if (error instanceof PermissionDeniedError) {
    return "The token is valid but may not do this: check its permissions, or use another token (`cdesk auth status` shows which one is used).";
  }
  if (error instanceof OfferExpiredError) {
    return "Offers expire 30 minutes after they are created: search again with `cdesk offers` and use a fresh offer id.";
  }
  if (error instanceof NotFoundError) {
    // Only a route with an id in its path can miss because of the id; elsewhere the address is wrong.
    const parameter = /\{(\w+)\}/.exec(error.path)?.[1];
    if (parameter) return `Check the id: ${ID_SOURCES[parameter] ?? `the ${parameter} may be wrong`}.`;
    return "The API has no such route here: check --base-url or CDESK_BASE_URL (it should not end in a path the API does not have).";
  }
  if (error instanceof ConflictError) return "Nothing to do: it is already in that state (`cdesk resources` shows it).";
  if (error.outcomeUnknown) return unknownOutcomeHint();
  return undefined;
}

/** The server's words: FastAPI's `detail` string, or its list of invalid fields. */
function apiReason(body: unknown): string | undefined {
  const detail = (body as { detail?: unknown } | null | undefined)?.detail;
  if (typeof detail === "string") return oneLine(detail);
  if (Array.isArray(detail)) {
    return oneLine(
      detail
        .map((item: { loc?: unknown[]; msg?: unknown }) => {
          const field = (Array.isArray(item?.loc) ? item.loc : []).filter((part) => part !== "body").join(".");
          const msg = typeof item?.msg === "string" ? item.msg : "invalid";
          return field ? `${field}: ${msg}` : msg;
        })
        .join("; "),
    );
  }
  return typeof body === "string" && body ? oneLine(body) : undefined;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}
