// `crm completion zsh`: the same node data as the bash script, read by a zsh function that adds
// matches with compadd. Works from fpath (a file named _crm) and with `source <(crm completion zsh)`.
import type { NodeSpec } from './completion-model.js';
import { nodeFunction } from './completion-bash.js';

export function zshScript(nodes: readonly NodeSpec[]): string {
  return `#compdef crm
# crm completion for zsh (printed by \`crm completion zsh\`; print it again after an upgrade).
# Install: crm completion zsh > ~/.zfunc/_crm, and in ~/.zshrc, before compinit:
#   fpath=(~/.zfunc $fpath); autoload -Uz compinit; compinit
${nodeFunction(nodes)}

_crm() {
  emulate -L zsh
  local cur=\${words[CURRENT]} cmdpath='' pending='' w kind=''
  local -i i npos=0 dashdash=0
  local -a db kinds names
  _crm_node ''
  for (( i = 2; i < CURRENT; i++ )); do
    w=\${words[i]}
    if (( dashdash )); then npos+=1; continue; fi
    case $w in
      (--) dashdash=1 ;;
      (--db=*) db=(--db "\${(Q)w#--db=}") ;;
      (-*)
        if [[ $_crm_vals == *" $w="* ]]; then
          if (( i + 1 == CURRENT )); then pending=$w; else i+=1; fi
          [[ $w == --db ]] && db=(--db "\${(Q)words[i]}")
        fi ;;
      (*)
        if (( npos == 0 )) && [[ " $_crm_subs " == *" $w "* ]]; then
          cmdpath=\${cmdpath:+$cmdpath }$w
          _crm_node "$cmdpath"
        else
          npos+=1
        fi ;;
    esac
  done
  # --flag=VALUE: complete the value, after the =.
  if (( ! dashdash )) && [[ -z $pending && $cur == --*=* && $_crm_vals == *" \${cur%%=*}="* ]]; then
    pending=\${cur%%=*}
    compset -P "$pending="
  fi
  if [[ -n $pending ]]; then
    kind=\${_crm_vals#* $pending=}
    kind=\${kind%% *}
  elif (( ! dashdash )) && [[ $cur == -* ]]; then
    compadd -- \${=_crm_flags}
    return
  else
    kinds=(\${=_crm_args})
    if (( npos < $#kinds )); then
      kind=\${kinds[npos + 1]}
    elif (( _crm_more && $#kinds )); then
      kind=\${kinds[-1]}
    fi
    (( npos == 0 )) && [[ -n $_crm_subs ]] && compadd -- \${=_crm_subs}
  fi
  case $kind in
    (w:*) compadd -- \${(s:,:)\${kind#w:}} ;;
    (c)
      # Matched by crm (accents and case aside), so added as they are (-U); zsh quotes spaces.
      names=(\${(f)"$(command crm $db __complete clients -- "\${(Q)PREFIX}" 2>/dev/null)"})
      # -U drops what compset moved aside (--flag=): -i puts it back.
      [[ -n $IPREFIX ]] && kinds=(-i "$IPREFIX") || kinds=()
      (( $#names )) && compadd -U $kinds -- $names ;;
    (f) _files ;;
  esac
}

if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _crm "$@"
else
  compdef _crm crm
fi
`;
}
