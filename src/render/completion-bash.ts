// `crm completion bash`: the command tree is in the script (no crm run for commands, flags or
// values); only client names ask crm, through `crm __complete clients -- PREFIX`.
import { type NodeSpec, nodeData, shQuote } from './completion-model.js';

/** The node-data function, shared by the bash and zsh scripts: plain assignments in a case. */
export function nodeFunction(nodes: readonly NodeSpec[]): string {
  const cases = nodes.map((n) => {
    const d = nodeData(n);
    return [
      `    ${shQuote(n.path)})`,
      `      _crm_subs=${shQuote(d.subs.join(' '))}`,
      `      _crm_flags=${shQuote(d.flags.join(' '))}`,
      `      _crm_vals=${shQuote(` ${d.vals.join(' ')} `)}`,
      `      _crm_args=${shQuote(d.args.join(' '))}`,
      `      _crm_more=${d.more ? 1 : 0} ;;`,
    ].join('\n');
  });
  return `# What each command takes: subcommands, flags, flag=kind for flags with a value, argument kinds
# (w:words,… / c client names / f files / n anything).
_crm_node() {
  case "$1" in
${cases.join('\n')}
    *) _crm_subs='' _crm_flags='' _crm_vals=' ' _crm_args='' _crm_more=0 ;;
  esac
}`;
}

export function bashScript(nodes: readonly NodeSpec[]): string {
  return `# crm completion for bash (printed by \`crm completion bash\`; do not edit: print it again after
# an upgrade). Install: add  source <(crm completion bash)  to ~/.bashrc, or
#   crm completion bash > ~/.local/share/bash-completion/completions/crm
${nodeFunction(nodes)}

# The kind of the n-th positional argument ($1, from 0) of the current node.
_crm_arg_kind() {
  local -a kinds=($_crm_args)
  local n=$1
  if ((n >= \${#kinds[@]})); then
    ((_crm_more && \${#kinds[@]} > 0)) || return 0
    n=$((\${#kinds[@]} - 1))
  fi
  printf '%s' "\${kinds[n]}"
}

_crm() {
  local cur=\${COMP_WORDS[COMP_CWORD]} cmdpath='' pending='' w kind
  local -i i npos=0 dashdash=0
  local -a db=()
  COMPREPLY=()
  _crm_node ''
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    if ((dashdash)); then npos+=1; continue; fi
    case $w in
      --) dashdash=1 ;;
      --db=*) db=(--db "\${w#--db=}") ;;
      -*)
        if [[ $_crm_vals == *" $w="* ]]; then
          if ((i + 1 == COMP_CWORD)); then pending=$w; else i+=1; fi
          [[ $w == --db ]] && db=(--db "\${COMP_WORDS[i]}")
        fi ;;
      *)
        if ((npos == 0)) && [[ " $_crm_subs " == *" $w "* ]]; then
          cmdpath=\${cmdpath:+$cmdpath }$w
          _crm_node "$cmdpath"
        else
          npos+=1
        fi ;;
    esac
  done
  # A name typed with a quote or a backslash-escaped space: match on the name itself.
  cur=\${cur#[\\"\\']}
  cur=\${cur//\\\\ / }
  if [[ -n $pending ]]; then
    kind=\${_crm_vals#* $pending=}
    kind=\${kind%% *}
  elif ((!dashdash)) && [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$_crm_flags" -- "$cur"))
    return 0
  else
    kind=$(_crm_arg_kind "$npos")
    if ((npos == 0)) && [[ -n $_crm_subs ]]; then
      COMPREPLY=($(compgen -W "$_crm_subs" -- "$cur"))
    fi
  fi
  case $kind in
    w:*)
      local words=\${kind#w:}
      COMPREPLY+=($(compgen -W "\${words//,/ }" -- "$cur")) ;;
    c)
      local line
      # Names with spaces or accents stay one word; readline quotes them (-o filenames).
      compopt -o filenames 2>/dev/null
      while IFS= read -r line; do
        [[ -n $line ]] && COMPREPLY+=("$line")
      done < <(command crm "\${db[@]}" __complete clients -- "$cur" 2>/dev/null) ;;
    f)
      compopt -o filenames 2>/dev/null
      local IFS=$'\\n'
      COMPREPLY=($(compgen -f -- "$cur")) ;;
  esac
  return 0
}
complete -F _crm crm
`;
}
