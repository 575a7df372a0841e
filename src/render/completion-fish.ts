// `crm completion fish`: the command tree as fish lists, read by one fish function that prints the
// candidates for the token under the cursor.
import { type NodeSpec, nodeData, shQuote } from './completion-model.js';

const list = (items: readonly string[]): string => items.map((i) => shQuote(i, true)).join(' ');

export function fishScript(nodes: readonly NodeSpec[]): string {
  const cases = nodes.map((n) => {
    const d = nodeData(n);
    return [
      `        case ${shQuote(n.path, true)}`,
      `            set -g __crm_subs ${list(d.subs)}`,
      `            set -g __crm_flags ${list(d.flags)}`,
      `            set -g __crm_vals ${list(d.vals)}`,
      `            set -g __crm_args ${list(d.args)}`,
      `            set -g __crm_more ${d.more ? 1 : 0}`,
    ].join('\n');
  });
  return `# crm completion for fish (printed by \`crm completion fish\`; print it again after an upgrade).
# Install: crm completion fish > ~/.config/fish/completions/crm.fish

# What each command takes: subcommands, flags, flag=kind for flags with a value, argument kinds
# (w:words,… / c client names / f files / n anything).
function __crm_node
    set -g __crm_subs
    set -g __crm_flags
    set -g __crm_vals
    set -g __crm_args
    set -g __crm_more 0
    switch $argv[1]
${cases.join('\n')}
    end
end

# The kind of value a flag takes, or nothing for a switch.
function __crm_kind
    for v in $__crm_vals
        if string match -q -- "$argv[1]=*" $v
            string replace -- "$argv[1]=" '' $v
            return 0
        end
    end
    return 1
end

function __crm_complete
    set -l tokens (commandline -opc)
    # The token as crm will get it: quotes and backslashes off ('acme c, O\\'B).
    set -l cur (commandline -ct | string unescape)
    set -l pre ''
    set -l cmdpath ''
    set -l pending ''
    set -l npos 0
    set -l dashdash 0
    set -l db
    __crm_node ''
    set -l n (count $tokens)
    set -l i 2
    while test $i -le $n
        set -l w $tokens[$i]
        if test $dashdash = 1
            set npos (math $npos + 1)
        else if test "$w" = --
            set dashdash 1
        else if string match -q -- '--db=*' $w
            set db --db (string replace -- '--db=' '' $w)
        else if string match -q -- '-*' $w
            if __crm_kind $w >/dev/null
                if test $i -eq $n
                    set pending $w
                else
                    set i (math $i + 1)
                    test "$w" = --db; and set db --db $tokens[$i]
                end
            end
        else if test $npos -eq 0; and contains -- $w $__crm_subs
            set cmdpath (string trim -- "$cmdpath $w")
            __crm_node $cmdpath
        else
            set npos (math $npos + 1)
        end
        set i (math $i + 1)
    end
    set -l kind ''
    # --flag=VALUE: the values, each after the --flag= fish keeps in the token.
    if test -z "$pending" -a $dashdash = 0; and string match -q -- '--*=*' "$cur"
        set -l flag (string split -m 1 = -- $cur)[1]
        if __crm_kind $flag >/dev/null
            set pending $flag
            set pre $flag=
            set cur (string replace -- $pre '' $cur)
        end
    end
    if test -n "$pending"
        set kind (__crm_kind $pending)
    else if test $dashdash = 0; and string match -q -- '-*' "$cur"
        printf '%s\\n' $__crm_flags
        return 0
    else
        set -l nargs (count $__crm_args)
        if test $npos -lt $nargs
            set kind $__crm_args[(math $npos + 1)]
        else if test $__crm_more = 1 -a $nargs -gt 0
            set kind $__crm_args[-1]
        end
        test $npos -eq 0; and printf '%s\\n' $__crm_subs
    end
    switch "$kind"
        case 'w:*'
            string split , -- (string sub -s 3 -- $kind) | string replace -r -- '^' $pre
        case c
            command crm $db __complete clients -- "$cur" 2>/dev/null | string replace -r -- '^' $pre
        case f
            __fish_complete_path "$cur" | string replace -r -- '^' $pre
    end
    return 0
end

complete -c crm -f -a '(__crm_complete)'
`;
}
