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

# A word as crm will get it: quotes and backslashes taken off (an unclosed quote too, as while
# typing), and a leading ~/ made $HOME/. Sets _crm_word (no subshell: this runs on every Tab).
_crm_unquote() {
  local s=$1 c q='' out=''
  while [[ -n $s ]]; do
    c=\${s:0:1} s=\${s:1}
    if [[ $q == "'" ]]; then
      if [[ $c == "'" ]]; then q=''; else out+=$c; fi
    elif [[ $c == '\\' ]]; then
      # Inside double quotes a backslash only escapes \\ " $ and \`.
      if [[ -n $q && $s != [\\\\\\"\\$\\\`]* ]]; then out+=$c; fi
      out+=\${s:0:1} s=\${s:1}
    elif [[ $c == '"' ]]; then
      if [[ -n $q ]]; then q=''; else q=$c; fi
    elif [[ $c == "'" && -z $q ]]; then
      q=$c
    else
      out+=$c
    fi
  done
  [[ $1 == '~/'* ]] && out=$HOME/\${out#'~/'}
  _crm_word=$out
}

_crm() {
  local cur cmdpath='' pending='' w kind line strip='' rest sep _crm_word
  local -i i npos=0 dashdash=0 glue=0 plain=0
  local -a db=() words=() names=()
  COMPREPLY=()
  # bash splits the line at = and : as well (COMP_WORDBREAKS): --db=FILE and --at 15:00 come in
  # three words each. Put back together what the line holds without a space between.
  rest=$COMP_LINE
  for ((i = 0; i <= COMP_CWORD && i < \${#COMP_WORDS[@]}; i++)); do
    w=\${COMP_WORDS[i]}
    sep=' '
    if [[ -n $w ]]; then sep=\${rest%%"$w"*} rest=\${rest#*"$w"}; fi
    if ((i > 0)) && [[ -z $sep ]] && { ((glue)) || [[ $w == [=:] ]]; }; then
      words[\${#words[@]} - 1]+=$w
    else
      words+=("$w")
    fi
    glue=0
    [[ $w == [=:] ]] && glue=1
  done
  cur=\${words[\${#words[@]} - 1]}
  # What readline replaces is only the part after the last = or : (the piece bash split off).
  w=\${COMP_WORDS[COMP_CWORD]}
  [[ $w == [=:] ]] && w=''
  strip=\${cur%"$w"}
  _crm_node ''
  for ((i = 1; i < \${#words[@]} - 1; i++)); do
    w=\${words[i]}
    if ((dashdash)); then npos+=1; continue; fi
    case $w in
      --) dashdash=1 ;;
      --db=*) _crm_unquote "\${w#--db=}"; db=(--db "$_crm_word") ;;
      -*)
        if [[ $_crm_vals == *" $w="* ]]; then
          if ((i + 2 == \${#words[@]})); then pending=$w; else i+=1; fi
          [[ $w == --db ]] && _crm_unquote "\${words[i]}" && db=(--db "$_crm_word")
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
  # --flag=VALUE: complete the value, after the = (readline keeps --flag= as it is).
  if ((!dashdash)) && [[ -z $pending && $cur == --*=* && $_crm_vals == *" \${cur%%=*}="* ]]; then
    pending=\${cur%%=*}
    cur=\${cur#*=}
    strip=\${strip#"$pending="}
  fi
  # A name typed with quotes or backslashes: match on the name itself.
  _crm_unquote "$cur"
  cur=$_crm_word
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
      local values=\${kind#w:}
      COMPREPLY+=($(compgen -W "\${values//,/ }" -- "$cur")) ;;
    c)
      while IFS= read -r line; do
        # readline keeps what comes before a : in the word; a name not spelled so cannot follow it.
        [[ -n $line && $line == "$strip"* ]] || continue
        names+=("\${line#"$strip"}")
        # readline would take a name that is also a folder here for the folder (adding a /), and
        # list only what follows a / in a name: then the names are quoted here instead.
        [[ $line == */* || -d \${line#"$strip"} ]] && plain=1
      done < <(command crm "\${db[@]}" __complete clients -- "$cur" 2>/dev/null)
      if ((plain)); then
        # Inside a quote the name goes in as it is; outside, escaped for the shell.
        if [[ \${COMP_WORDS[COMP_CWORD]} == [\\"\\']* ]]; then
          COMPREPLY+=("\${names[@]}")
        else
          for line in "\${names[@]}"; do COMPREPLY+=("$(printf '%q' "$line")"); done
        fi
      elif ((\${#names[@]})); then
        # Names with spaces or accents stay one word; readline quotes them (-o filenames).
        compopt -o filenames 2>/dev/null
        COMPREPLY+=("\${names[@]}")
      fi ;;
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
