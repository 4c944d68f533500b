#!/usr/bin/env bash
# Fault injection through the built CLI (examples/target/rnn-suite.jar): for every app, trains a tiny
# model, then SIGKILLs `train --resume` in turn at a random moment, at the moment a file is being saved
# (a temporary .tmp file is seen in the model directory), at a random moment again, and at the moment
# the checkpoint is being written (a .tmp file in checkpoint/), and checks each time that the model
# directory is the previous complete state or the new one (`APP evaluate --model` succeeds) and that
# the next `--resume` continues. Then a fresh `train` (no --resume) over the finished model is
# SIGKILLed the same way: the directory must be an unfinished run (no run.json; `evaluate` one line)
# and never the new network beside the old run record, and `--resume` continues it from its own
# checkpoint. Then: SIGTERM and SIGINT stop cleanly (no stack trace, lock released, the checkpoint
# resumes), a checkpoint with a truncated network, a garbled state or no manifest and a read-only
# output directory are one line with exit code 2, a second training or compare into a busy
# directory is refused with one line, and (as root, where a tmpfs can be mounted) a full disk is one
# line and leaves the previous model loadable.
#
#   scripts/reliability/fault-injection.sh             # short: 3 kills per app, 1 fresh-run kill (CI)
#   scripts/reliability/fault-injection.sh --long      # 24 kills per app, 4 fresh-run kills per app
#   scripts/reliability/fault-injection.sh --kills 10  # 10 kills per app, 2 fresh-run kills per app
#   APPS="forecast charlm" scripts/reliability/fault-injection.sh --kills 6
#
# Prints one line per check and a summary table; exits 1 if any check failed. Build first with
# ./mvnw -B -q package -DskipTests.
set -uo pipefail
set -m # job control: background runs keep SIGINT (a non-interactive shell would start them ignoring it)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$here/examples/target/rnn-suite.jar"
[[ -f "$jar" ]] || { echo "error: $jar not found; build first with: ./mvnw -B -q package -DskipTests" >&2; exit 2; }
kills="${KILLS:-3}"
fresh_kills="" # kills of a fresh run over a finished model: per app, or only the first app's in the short mode
while (($#)); do
  case "$1" in
    --long) kills="${KILLS:-24}"; shift ;;
    --kills) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { echo "error: --kills expects a positive count, got '${2:-}'" >&2; exit 2; }
      kills="$2"; shift 2 ;;
    *) echo "error: unknown argument '$1': expected --long or --kills N" >&2; exit 2 ;;
  esac
done
((kills > 3)) && fresh_kills=$(( (kills + 5) / 6 ))
started_at=$SECONDS
if [[ "$(awk '/^SigIgn:/ { print $2 }' /proc/$$/status 2>/dev/null)" =~ [2367abef]$ ]]; then
  echo "warning: this shell was started with SIGINT ignored (a background job of a non-interactive shell, say)," \
    "which its children inherit: the SIGINT checks will fail; start it in the foreground or from an interactive shell" >&2
fi
apps="${APPS:-forecast classify charlm translate speech}"
work="$(mktemp -d "${TMPDIR:-/tmp}/rnn-suite-faults.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
java_cmd=(java -Xmx2g --add-modules jdk.incubator.vector -Djava.awt.headless=true
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.nd4j=error -jar "$jar")
failures=0
declare -A killed loadable resumed torn strays fresh_killed fresh_unfinished fresh_intact fresh_mixed fresh_resumed
saving_what=""

say() { printf '%s\n' "$*"; }
fail() { say "FAIL $*"; failures=$((failures + 1)); }
pass() { say "ok   $*"; }

# tiny data for the apps that read files
python3 - "$work" <<'EOF'
import random, sys
d = sys.argv[1]
r = random.Random(5)
good, bad = ["good", "fine", "great", "nice"], ["bad", "poor", "awful", "sad"]
with open(d + "/texts.csv", "w") as f:
    f.write("text,label\n")
    for i in range(120):
        w = good if i % 2 == 0 else bad
        f.write("the %s %s day,%s\n" % (r.choice(w), r.choice(w), "pos" if i % 2 == 0 else "neg"))
words = ["the ", "cat ", "sat ", "on ", "a ", "mat. ", "dogs ", "run "]
with open(d + "/corpus.txt", "w") as f:
    f.write("".join(r.choice(words) for _ in range(1500)))
EOF

train_args() { # APP -> a tiny training command that runs until killed
  local long=(--epochs 100000 --patience 100000 --seed "${train_seed:-3}" --threads 1)
  case "$1" in
    forecast) echo forecast train --dataset airpassengers --hidden 8 --max-batches 2 "${long[@]}" ;;
    classify) echo classify train --csv "$work/texts.csv" --hidden 4 --embedding-size 4 --min-count 1 --batch-size 8 --max-batches 3 "${long[@]}" ;;
    charlm) echo charlm train --text "$work/corpus.txt" --hidden 8 --sequence-length 20 --tbptt 10 --batch-size 8 --max-batches 2 "${long[@]}" ;;
    translate) echo translate train --dataset numbers-en-fr --pairs-count 60 --hidden 8 --max-length 30 --max-batches 1 "${long[@]}" ;;
    # FreeTTS (pure Java) makes the corpus once into --data-dir; later runs read it from there
    speech) echo speech train --tts freetts --train-voices 3 --validation-voices 1 --test-voices 1 --snrs 10 \
        --data-dir "$work/speech-corpus" --hidden 8 --batch-size 8 --max-batches 2 "${long[@]}" ;;
  esac
}

completed_epochs() { grep -o '"epoch" *: *[0-9]*' "$1/checkpoint/manifest.json" 2>/dev/null | grep -o '[0-9]*$' || echo 0; }
checkpoint_file() { # DIR zip|json: the file of the committed pair
  local n; n=$(completed_epochs "$1"); echo "$1/checkpoint/epoch-$n.$2"
}

# runs `APP train ... --epochs N` to completion
finish() { # APP DIR EPOCHS [--resume]
  local app="$1" dir="$2" epochs="$3"; shift 3
  # shellcheck disable=SC2046
  "${java_cmd[@]}" $(train_args "$app" | sed 's/--epochs 100000/--epochs '"$epochs"'/') --output-dir "$dir" "$@" \
    >"$work/finish.out" 2>"$work/finish.err"
}

evaluate() { "${java_cmd[@]}" "$1" evaluate --model "$2" >"$work/eval.out" 2>"$work/eval.err"; }

one_line_error() { # FILE: exactly one non-empty stderr line starting with error:
  local lines; lines=$(grep -v '^WARNING: Using incubator' "$1" | grep -c .)
  [[ "$lines" == 1 ]] && grep -q '^error: ' "$1"
}

start_training() { # APP DIR [extra...] -> sets pid
  local app="$1" dir="$2"; shift 2
  # shellcheck disable=SC2046
  "${java_cmd[@]}" $(train_args "$app") --output-dir "$dir" "$@" >"$work/train.out" 2>"$work/train.err" &
  pid=$!
}

saving() { # DIR: a file is being written (an atomic write's temporary file, not the lock's)
  local f
  for f in "$1"/.*.tmp "$1"/checkpoint/.*.tmp; do
    if [[ -e "$f" && "$f" != */.rnn-suite.lock.* ]]; then
      saving_what="${f##*/}"; saving_what="${saving_what#.}"; saving_what="${saving_what%.*.tmp}"
      return 0
    fi
  done
  return 1
}

saving_checkpoint() { # DIR: a file of the checkpoint is being written
  local f
  for f in "$1"/checkpoint/.*.tmp; do
    [[ -e "$f" ]] && { saving_what="checkpoint/${f##*/}"; saving_what="${saving_what/\/./\/}"; saving_what="${saving_what%.*.tmp}"; return 0; }
  done
  return 1
}

stop() { # PID WHAT: SIGINT, then SIGKILL (and a failed check) if it is still running 30 s later
  kill -s INT "$1" 2>/dev/null
  if ! wait_for "! kill -0 $1 2>/dev/null" 30; then
    kill -9 "$1" 2>/dev/null
    fail "$2 was still running 30 s after SIGINT"
  fi
  wait "$1" 2>/dev/null
}

clear_strays() { # DIR: removes (and counts) temporary files that killed writes left
  local f n=0
  for f in "$1"/.*.tmp "$1"/checkpoint/.*.tmp; do [[ -e "$f" ]] && { rm -f "$f"; n=$((n + 1)); }; done
  echo "$n"
}

wait_for() { # CONDITION-COMMAND SECONDS
  local end=$((SECONDS + $2))
  while ((SECONDS < end)); do eval "$1" && return 0; sleep 0.02; done
  return 1
}

for app in $apps; do
  dir="$work/$app"
  killed[$app]=0 loadable[$app]=0 resumed[$app]=0 torn[$app]=0 strays[$app]=0
  if ! finish "$app" "$dir" 2; then fail "$app: the first tiny training failed: $(tail -3 "$work/finish.err")"; continue; fi
  evaluate "$app" "$dir" || fail "$app: evaluate after a complete training: $(tail -2 "$work/eval.err")"
  for ((i = 1; i <= kills; i++)); do
    before=$(completed_epochs "$dir")
    strays[$app]=$((strays[$app] + $(clear_strays "$dir")))
    start_training "$app" "$dir" --resume
    if ((i % 4 == 0)); then # at the moment the checkpoint is being written (a network, a state or the manifest)
      wait_for "saving_checkpoint '$dir' || ! kill -0 $pid 2>/dev/null" 90
      moment="during a checkpoint save (${saving_what:-none seen})"; saving_what=""
    elif ((i % 2 == 0)); then # at the moment any file is being written (model.zip, side files, checkpoint, run record)
      wait_for "saving '$dir' || ! kill -0 $pid 2>/dev/null" 60
      moment="during a save (${saving_what:-none seen})"; saving_what=""
    else # a random moment after the JVM is up: loading, training, validating or saving
      wait_for "grep -qs 'resuming after epoch' '$work/train.err' || ! kill -0 $pid 2>/dev/null" 60
      sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.2f", rand() * 12 }')"
      moment="at a random moment"
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid"; rc=$?
      fail "$app kill $i: the resumed run ended by itself (exit $rc) before the kill: $(tail -2 "$work/train.err")"
      continue
    fi
    kill -9 "$pid"; wait "$pid" 2>/dev/null
    killed[$app]=$((killed[$app] + 1))
    if evaluate "$app" "$dir"; then
      loadable[$app]=$((loadable[$app] + 1))
    else
      torn[$app]=$((torn[$app] + 1))
      fail "$app kill $i ($moment): evaluate failed: $(tail -2 "$work/eval.err")"
    fi
    after=$(completed_epochs "$dir")
    say "     $app kill $i $moment: epochs in the checkpoint $before -> $after"
  done
  # the last resume continues to the end
  target=$(( $(completed_epochs "$dir") + 1 ))
  if finish "$app" "$dir" "$target" --resume && grep -q "resuming after epoch" "$work/finish.err" && evaluate "$app" "$dir"; then
    resumed[$app]=1
    pass "$app: after $kills kills --resume continued to epoch $target and the model evaluates"
  else
    fail "$app: the final --resume: $(tail -2 "$work/finish.err")"
  fi
  [[ -e "$dir/.rnn-suite.lock" ]] && fail "$app: a lock file is left after the run finished"

  # a fresh run (no --resume) over the finished model, killed: an unfinished directory, never a mix
  fresh_killed[$app]=0 fresh_unfinished[$app]=0 fresh_intact[$app]=0 fresh_mixed[$app]=0 fresh_resumed[$app]=0
  n_fresh="${fresh_kills:-0}"
  [[ -z "$fresh_kills" && "$app" == "${apps%% *}" ]] && n_fresh=1
  for ((i = 1; i <= n_fresh; i++)); do
    copy="$work/$app-fresh"; rm -rf "$copy"; cp -r "$dir" "$copy"; clear_strays "$copy" >/dev/null
    old_record=$(cat "$copy/run.json") old_model=$(sha256sum <"$copy/model.zip")
    train_seed=$((40 + i)) start_training "$app" "$copy"
    if ((i % 2 == 1)); then # at the first save of the new run (its model.zip or checkpoint)
      wait_for "saving '$copy' || ! kill -0 $pid 2>/dev/null" 90
      moment="during a save (${saving_what:-none seen})"; saving_what=""
    else
      wait_for "grep -qs 'replacing the model' '$work/train.err' || ! kill -0 $pid 2>/dev/null" 90
      sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.2f", rand() * 8 }')"
      moment="at a random moment"
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid"; rc=$?
      fail "$app fresh kill $i: the run ended by itself (exit $rc) before the kill: $(tail -2 "$work/train.err")"
      continue
    fi
    kill -9 "$pid"; wait "$pid" 2>/dev/null
    fresh_killed[$app]=$((fresh_killed[$app] + 1))
    evaluate "$app" "$copy"; rc=$?
    if [[ -e "$copy/run.json" && "$(cat "$copy/run.json")" == "$old_record" && "$(sha256sum <"$copy/model.zip")" == "$old_model" \
        && $rc == 0 && ! -e "$copy/checkpoint/epoch-1.zip" ]]; then
      fresh_intact[$app]=$((fresh_intact[$app] + 1)) # killed before the new run removed anything: the previous model
      left="the previous model untouched"
    elif [[ -e "$copy/run.json" ]]; then
      fresh_mixed[$app]=$((fresh_mixed[$app] + 1))
      fail "$app fresh kill $i ($moment): a run.json beside the new run's files"
    elif [[ $rc == 2 ]] && one_line_error "$work/eval.err"; then
      fresh_unfinished[$app]=$((fresh_unfinished[$app] + 1))
      left="no run.json (evaluate: one line)"
    else fail "$app fresh kill $i ($moment): evaluate of the unfinished directory gave exit $rc: $(tail -2 "$work/eval.err")"; fi
    epochs=$(completed_epochs "$copy")
    if ((epochs > 0)); then
      if train_seed=$((40 + i)) finish "$app" "$copy" $((epochs + 1)) --resume && grep -q "resuming after epoch $epochs " "$work/finish.err" \
          && evaluate "$app" "$copy"; then
        fresh_resumed[$app]=$((fresh_resumed[$app] + 1))
      else fail "$app fresh kill $i: --resume of the killed fresh run: $(tail -2 "$work/finish.err")"; fi
    else
      finish "$app" "$copy" 1 --resume; rc=$?
      if [[ $rc == 2 ]] && one_line_error "$work/finish.err"; then fresh_resumed[$app]=$((fresh_resumed[$app] + 1))
      else fail "$app fresh kill $i: --resume without a checkpoint gave exit $rc: $(tail -2 "$work/finish.err")"; fi
    fi
    say "     $app fresh kill $i $moment: left ${left:-?}; epochs in the checkpoint: $epochs"; left=""
  done

  # SIGTERM and SIGINT: the JVM stops, no stack trace, the lock is released, --resume continues
  for signal in TERM INT; do
    start_training "$app" "$dir" --resume
    wait_for "grep -qs 'resuming after epoch' '$work/train.err'" 60
    sleep 2
    kill -s "$signal" "$pid"
    if wait_for "! kill -0 $pid 2>/dev/null" 30; then
      wait "$pid" 2>/dev/null
      if grep -q $'^\tat \|Exception' "$work/train.err"; then fail "$app SIG$signal: a stack trace: $(grep -m1 Exception "$work/train.err")"
      elif [[ -e "$dir/.rnn-suite.lock" ]]; then fail "$app SIG$signal: the lock file was left behind"
      elif ! evaluate "$app" "$dir"; then fail "$app SIG$signal: evaluate afterwards: $(tail -1 "$work/eval.err")"
      else pass "$app SIG$signal: stopped cleanly; the model evaluates"; fi
    else
      kill -9 "$pid"; fail "$app SIG$signal: still running 30 s later"
    fi
  done

  # a truncated model.zip or a garbled app-config.json is one line on evaluate
  for damage in model config; do
    copy="$work/$app-$damage"; rm -rf "$copy"; cp -r "$dir" "$copy"
    if [[ "$damage" == model ]]; then truncate -s $(( $(stat -c %s "$copy/model.zip") / 3 )) "$copy/model.zip"
    else printf '{"recurrent": [1, 2' >"$copy/app-config.json"; fi
    evaluate "$app" "$copy"; rc=$?
    if [[ $rc == 2 ]] && one_line_error "$work/eval.err"; then pass "$app: a damaged $damage file: $(grep '^error' "$work/eval.err" | cut -c1-110)"
    else fail "$app: a damaged $damage file gave exit $rc on evaluate: $(tail -2 "$work/eval.err")"; fi
  done

  # a checkpoint with a truncated network, a garbled state or no manifest is one line on --resume
  for damage in truncate garble unmanifest; do
    copy="$work/$app-$damage"; rm -rf "$copy"; cp -r "$dir" "$copy"
    case "$damage" in
      truncate) f=$(checkpoint_file "$copy" zip); truncate -s $(( $(stat -c %s "$f") / 2 )) "$f" ;;
      garble) printf '{"completedEpochs": "x", garbage' >"$(checkpoint_file "$copy" json)" ;;
      unmanifest) rm -f "$copy/checkpoint/manifest.json" ;;
    esac
    case "$damage" in truncate) what="a truncated network file" ;; garble) what="a garbled state file" ;; *) what="no manifest" ;; esac
    finish "$app" "$copy" 100 --resume; rc=$?
    if [[ $rc == 2 ]] && one_line_error "$work/finish.err"; then pass "$app: a checkpoint with $what: $(grep '^error' "$work/finish.err" | cut -c1-160)"
    else fail "$app: a checkpoint with $what gave exit $rc: $(tail -2 "$work/finish.err")"; fi
  done
done

# a read-only output directory is one line
ro="$work/read-only"; mkdir -p "$ro"; chmod 555 "$ro"
[[ "$(id -u)" == 0 ]] && ro="/proc/rnn-suite-read-only" # root ignores permissions; /proc refuses new directories
"${java_cmd[@]}" $(train_args forecast | sed 's/--epochs 100000/--epochs 1/') --output-dir "$ro/model" >/dev/null 2>"$work/ro.err"; rc=$?
if [[ $rc == 2 ]] && one_line_error "$work/ro.err"; then pass "read-only output directory: $(grep '^error' "$work/ro.err" | cut -c1-110)"
else fail "read-only output directory gave exit $rc: $(tail -2 "$work/ro.err")"; fi

# two trainings into one directory: the second refuses with one line, the first is not disturbed
busy="$work/busy"
start_training forecast "$busy"; first=$pid
if wait_for "[[ -e '$busy/.rnn-suite.lock' ]]" 60; then
  "${java_cmd[@]}" $(train_args forecast) --output-dir "$busy" >/dev/null 2>"$work/second.err"; rc=$?
  if [[ $rc == 2 ]] && one_line_error "$work/second.err" && grep -q 'is in use by another run' "$work/second.err"; then
    pass "a second training into a busy directory: $(grep '^error' "$work/second.err" | cut -c1-110)"
  else fail "a second training into a busy directory gave exit $rc: $(tail -2 "$work/second.err")"; fi
  kill -0 "$first" 2>/dev/null || fail "the first training died while the second was refused"
else fail "the first training never took its lock"; fi
stop "$first" "the first training"
[[ -e "$busy/.rnn-suite.lock" ]] && fail "the first training left its lock after SIGINT"

# two compare runs into one report directory
report="$work/report"
"${java_cmd[@]}" compare --apps forecast --quick --output-dir "$report" --keep-models "$work/models" >/dev/null 2>"$work/compare1.err" &
first=$!
if wait_for "[[ -e '$report/.rnn-suite.lock' ]]" 90; then
  "${java_cmd[@]}" compare --apps forecast --quick --output-dir "$report" --keep-models "$work/models" >/dev/null 2>"$work/compare2.err"; rc=$?
  if [[ $rc == 2 ]] && one_line_error "$work/compare2.err" && grep -q 'is in use by another run' "$work/compare2.err"; then
    pass "a second compare into a busy report directory: $(grep '^error' "$work/compare2.err" | cut -c1-110)"
  else fail "a second compare into a busy report directory gave exit $rc: $(tail -2 "$work/compare2.err")"; fi
else fail "the first compare never took its lock: $(tail -2 "$work/compare1.err")"; fi
stop "$first" "the first compare"
wait_for "[[ ! -e '$report/.rnn-suite.lock' ]]" 10 || fail "compare left its lock after SIGINT"

# a full disk (root only: a 3 MB tmpfs): one line, and the previous model still evaluates
full="$work/full"; mkdir -p "$full"
if [[ "$(id -u)" == 0 ]] && mount -t tmpfs -o size=3m tmpfs "$full" 2>/dev/null; then
  if finish forecast "$full/model" 1; then
    head -c 100M /dev/zero >"$full/filler" 2>/dev/null
    finish forecast "$full/model" 3; rc=$?
    if [[ $rc == 2 ]] && one_line_error "$work/finish.err" && evaluate forecast "$full/model"; then
      pass "a full disk: $(grep '^error' "$work/finish.err" | cut -c1-110); the previous model evaluates"
    else fail "a full disk gave exit $rc: $(tail -2 "$work/finish.err") / evaluate: $(tail -1 "$work/eval.err")"; fi
  else fail "a tiny training did not fit a 3 MB tmpfs: $(tail -1 "$work/finish.err")"; fi
  umount "$full"
else
  say "skip a full disk: needs root and a mountable tmpfs"
fi

say ""
say "| app | kills | loadable after the kill | torn | stray .tmp files left by killed writes | --resume continued |"
say "|---|---|---|---|---|---|"
for app in $apps; do
  say "| $app | ${killed[$app]:-0} | ${loadable[$app]:-0} | ${torn[$app]:-0} | ${strays[$app]:-0} | $([[ ${resumed[$app]:-0} == 1 ]] && echo yes || echo no) |"
done
say ""
say "| app | fresh runs over a finished model killed | left an unfinished directory (evaluate: one line) | left the previous model untouched | a run.json beside the new run's files | --resume continued (or, before the first checkpoint, one line) |"
say "|---|---|---|---|---|---|"
for app in $apps; do
  ((${fresh_killed[$app]:-0} > 0)) && say "| $app | ${fresh_killed[$app]} | ${fresh_unfinished[$app]:-0} | ${fresh_intact[$app]:-0} | ${fresh_mixed[$app]:-0} | ${fresh_resumed[$app]:-0} |"
done
say ""
say "time: $(( (SECONDS - started_at) / 60 )) min $(( (SECONDS - started_at) % 60 )) s"
((failures == 0)) && say "all checks passed" || say "$failures checks failed"
((failures == 0))
