import tab from "@bomb.sh/tab/commander";
import type { Command } from "commander";
import { examples } from "./help.js";

/**
 * `completion bash|zsh|fish|powershell`: the shell scripts come from @bomb.sh/tab, which reads the
 * command tree, so every command and option completes without a hand-written script to keep in
 * step. The script calls back `cdesk complete -- <words>` (hidden) for the suggestions.
 * Register it last: commands added after it would not complete.
 */
export function registerCompletionCommand(program: Command): void {
  tab(program, { completionCommandName: "completion" });
  program.commands
    .find((command) => command.name() === "completion")
    ?.description("Print the completion script of a shell: bash, zsh, fish or powershell")
    .addHelpText(
      "after",
      examples(
        ["cdesk completion bash > ~/.local/share/bash-completion/completions/cdesk", "every new bash"],
        ["source <(cdesk completion bash)", "this bash only"],
        ["cdesk completion zsh > \"${fpath[1]}/_cdesk\"", "every new zsh"],
        ["cdesk completion fish > ~/.config/fish/completions/cdesk.fish", "every new fish"],
      ),
    );
}
