/**
 * The SDK's messages speak of its options (`baseUrl`, `allowInsecureHttp: true`); on the command
 * line the same fix is a flag or a variable. Each pair: the SDK's words, then the CLI's.
 */
const CLI_WORDS: [sdk: RegExp, cli: string][] = [
  [/\b(?:set )?allowInsecureHttp: true\b/g, "pass --allow-insecure-http"],
  [/\ballowInsecureHttp\b/g, "--allow-insecure-http"],
  [/\(option baseUrl or CDESK_BASE_URL\)/g, "(--base-url or CDESK_BASE_URL)"],
  [/\(option logLevel or CDESK_LOG\)/g, "(CDESK_LOG)"],
  [/\bbaseUrl\b/g, "--base-url"],
  [/\bintervalMs\b/g, "--interval"],
  [/\btimeoutMs\b/g, "--timeout"],
  [/\bthe `token` option\b/g, "--token-file"],
];

/** A message of the SDK in the CLI's vocabulary. */
export function cliWords(message: string): string {
  return CLI_WORDS.reduce((text, [sdk, cli]) => text.replace(sdk, cli), message);
}
