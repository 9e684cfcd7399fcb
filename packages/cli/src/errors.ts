import {
  AuthenticationError,
  CdeskApiError,
  CdeskConfigError,
  CdeskConnectionError,
  CdeskInputError,
  ConflictError,
  NotFoundError,
  OfferExpiredError,
  PermissionDeniedError,
} from "@cdesk/client";
import { ProvisioningFailedError, WaitTimeoutError } from "@cdesk/poller";
import { formatDuration } from "./format/time.js";

/** What the process exits with; scripts branch on these. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  provisioningFailed: 3,
  timedOut: 4,
  interrupted: 130,
} as const;

/** The command line was wrong (a flag, a file): nothing was sent. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A wait ended early; `resume` is the command that picks it up again. */
export class ResumableError extends Error {
  override name = "ResumableError";
  constructor(
    override readonly cause: unknown,
    readonly resume: string,
  ) {
    super("wait ended", { cause });
  }
}

/** An error as the user sees it: one line, maybe a hint, and the exit code. */
export interface ExplainedError {
  message: string;
  hint?: string;
  exitCode: number;
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

const TOKEN_HINT = "Set CDESK_API_TOKEN=<your token>, or pass --token-file <file> (a file holding only the token).";

/** Maps any error to its line, hint and exit code. Never includes the token: errors do not carry it. */
export function explainError(error: unknown): ExplainedError {
  if (error instanceof ResumableError) {
    const inner = explainError(error.cause);
    return { ...inner, hint: [inner.hint, `Resume with: ${error.resume}`].filter(Boolean).join(" ") };
  }
  if (error instanceof UsageError) return { message: error.message, exitCode: ExitCode.usage };
  if (error instanceof CdeskInputError) return { message: error.message, exitCode: ExitCode.usage };
  if (error instanceof CdeskConfigError) {
    // The client speaks of its `token` option; on the command line the fix is an env var or a file.
    if (error.option === "token") return { message: "No API token.", hint: TOKEN_HINT, exitCode: ExitCode.usage };
    return { message: error.message, exitCode: ExitCode.usage };
  }
  if (error instanceof ProvisioningFailedError) {
    return {
      message: `Provisioning failed: ${error.failureReason}`,
      hint: "Nothing is running for this offer. Search again with `cdesk offers` and procure a fresh offer.",
      exitCode: ExitCode.provisioningFailed,
    };
  }
  if (error instanceof WaitTimeoutError) {
    return {
      message: `Gave up waiting after ${formatDuration(error.elapsedMs)}${lastStage(error.lastStatus)}.`,
      hint: "The server keeps working; a longer --timeout waits more.",
      exitCode: ExitCode.timedOut,
    };
  }
  if (error instanceof Error && error.name === "AbortError") {
    return { message: "Interrupted: stopped waiting.", exitCode: ExitCode.interrupted };
  }
  if (error instanceof CdeskApiError) return explainApiError(error);
  if (error instanceof CdeskConnectionError) {
    return {
      message: error.message,
      hint: error.outcomeUnknown
        ? "The request may have gone through: check `cdesk status <offer-id>` before procuring again."
        : "Check the address (--base-url or CDESK_BASE_URL) and your connection.",
      exitCode: ExitCode.failed,
    };
  }
  return { message: error instanceof Error ? error.message : String(error), exitCode: ExitCode.failed };
}

function explainApiError(error: CdeskApiError): ExplainedError {
  const reason = apiReason(error.body);
  const where = [`${error.method} ${error.path}`, error.requestId && `request id ${error.requestId}`].filter(Boolean);
  const message = `${error.status} ${STATUS_TEXT[error.status] ?? "Error"}${reason ? `: ${reason}` : ""} (${where.join(", ")})`;
  const hint = apiHint(error);
  return { message, exitCode: ExitCode.failed, ...(hint && { hint }) };
}

function apiHint(error: CdeskApiError): string | undefined {
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return `The API did not accept the token. ${TOKEN_HINT}`;
  }
  if (error instanceof OfferExpiredError) {
    return "Offers expire 30 minutes after they are created: search again with `cdesk offers` and use a fresh offer id.";
  }
  if (error instanceof NotFoundError) {
    return error.path.startsWith("/resources")
      ? "Check the id: `cdesk resources` lists your resources."
      : "Check the id: `cdesk offers` lists current offers.";
  }
  if (error instanceof ConflictError) return "Nothing to do: `cdesk resource <id>` shows its current state.";
  if (error.outcomeUnknown) return "The request may have gone through: check `cdesk status <offer-id>` before procuring again.";
  return undefined;
}

/** The server's words: FastAPI's `detail` string, or its list of invalid fields. */
function apiReason(body: unknown): string | undefined {
  const detail = (body as { detail?: unknown } | null | undefined)?.detail;
  if (typeof detail === "string") return oneLine(detail);
  if (Array.isArray(detail)) {
    return oneLine(
      detail
        .map((item: { loc?: unknown[]; msg?: string }) => {
          const field = (item.loc ?? []).filter((part) => part !== "body").join(".");
          return field ? `${field}: ${item.msg}` : item.msg;
        })
        .join("; "),
    );
  }
  return typeof body === "string" && body ? oneLine(body) : undefined;
}

function lastStage(status: unknown): string {
  const stage = (status as { procurement_status?: unknown; status?: unknown } | undefined) ?? {};
  const name = stage.procurement_status ?? stage.status;
  return typeof name === "string" ? ` (last seen: ${name.replaceAll("_", " ")})` : "";
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}
