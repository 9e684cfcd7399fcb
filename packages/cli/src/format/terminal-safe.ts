/**
 * Text from the server (a `detail`, a stage name, an `ssh_command`) reaches the user's terminal.
 * An escape sequence in it could recolour the screen, rewrite earlier lines, set the window title,
 * or plant a hyperlink: none of that is the server's to decide. These remove it.
 */

// ESC [ ... final (CSI), ESC ] ... BEL or ESC \ (OSC), ESC P/X/^/_ ... ESC \ (DCS, SOS, PM, APC),
// any other ESC + one character, and the one-byte C1 forms of CSI and OSC.
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[\s\S]?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
// What is left of C0 (but tab and line feed), DEL, C1, and the bidirectional overrides that make
// text display in another order than it reads ("Trojan Source").
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text without escape sequences or control characters; line breaks and tabs stay. */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}

/** For one table cell or one line: also line breaks and tabs become spaces. */
export function terminalSafeLine(text: string): string {
  return terminalSafe(text).replace(/[\t\n]+/g, " ");
}

/**
 * JSON for the terminal or a pipe: `JSON.stringify` escapes C0 controls itself; DEL, C1 controls
 * and bidi overrides are escaped here too. The value a JSON parser reads is the same.
 */
export function terminalSafeJson(data: unknown): string {
  return JSON.stringify(data, null, 2).replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
