#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter: first on PATH, then under pyenv.
# Rasa 3.6 supports Python 3.10 only; exits 1 with instructions when none is found.
set -u
is310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; }
candidates=()
[ -n "${PYTHON310:-}" ] && candidates+=("$PYTHON310")
for name in python3.10 python3 python; do
  p=$(command -v "$name" 2>/dev/null) && candidates+=("$p")
done
roots=()
command -v pyenv >/dev/null 2>&1 && roots+=("$(pyenv root 2>/dev/null)")
roots+=("${PYENV_ROOT:-$HOME/.pyenv}")
for root in "${roots[@]}"; do
  for p in "$root"/versions/3.10.*/bin/python3.10; do
    [ -x "$p" ] && candidates+=("$p")
  done
done
for p in "${candidates[@]}"; do
  if is310 "$p"; then echo "$p"; exit 0; fi
done
cat >&2 <<'MSG'
错误：没有找到 Python 3.10（Rasa 3.6 只支持 Python 3.10）。
Error: no Python 3.10 found on PATH or under pyenv. Install one, e.g.
    pyenv install 3.10.13        (or: apt-get install python3.10 python3.10-venv)
then run the command again (or set PYTHON310=/path/to/python3.10).
MSG
exit 1
