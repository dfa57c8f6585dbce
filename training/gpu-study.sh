#!/usr/bin/env bash
# On a lent GPU machine: train the reference study's ResNet-50 configuration (preset "study") and
# the shipped resnet18 configuration (preset "default") side by side for the same wall-clock
# budget, then score both on the held-out rows with PyTorch (heldout.py). That machine has no Node,
# so the product's own evaluation (npm run evaluate) runs back here, on a candidate brought back.
#
#   training/gpu-study.sh IMAGES OUT [MINUTES]      (from the repository root; MINUTES default 6)
#
# Environment: R50_EPOCHS and R18_EPOCHS set each cosine schedule's length (choose what fits in
# MINUTES: a run that reaches MINUTES stops early, resumable); WORKERS, the processes making views
# for each run; CHECKPOINT_EVERY, epochs between checkpoints; PAIRS, pairs per held-out row;
# EXTRA, more --set flags for both runs.
# OUT gets each run's folder and log, heldout.json, and r18.pt: the resnet18 run's model, config
# and split, enough for `npm run export -- --checkpoint`.
set -uo pipefail
images=$1 out=$2 minutes=${3:-6}
export PYTHONPATH=training PYTHONUNBUFFERED=1
py=${TWINSPECT_PYTHON:-python3}
mkdir -p "$out"
{ nvidia-smi --query-gpu=name,memory.total --format=csv,noheader; nproc; $py -c "import torch; print(torch.__version__)"; } \
  > "$out/machine.txt" 2>&1

train() { # name preset epochs
  $py -m twinspect_training.train --images "$images" --out "$out/$1" --preset "$2" \
    --set train.epochs="$3" --set train.max_minutes="$minutes" --set train.loader_workers="${WORKERS:-7}" \
    --set train.eval_every=25 --set train.checkpoint_every="${CHECKPOINT_EVERY:-1}" ${EXTRA:-} > "$out/$1.log" 2>&1
  echo "$1 exit $?" >> "$out/machine.txt"
}
train r50 study "${R50_EPOCHS:-120}" &
train r18 default "${R18_EPOCHS:-300}" &
wait

models=()
for run in r50 r18; do
  [ -f "$out/$run/checkpoint.pt" ] && models+=(--model "$out/$run/checkpoint.pt")
done
$py -m twinspect_training.heldout --images "$images" "${models[@]}" --pairs "${PAIRS:-1000}" \
  --workers $((2 * ${WORKERS:-7})) --out "$out/heldout.json"

# The optimiser state is not needed to export; the slim file comes back from the machine.
$py - "$out/r18/checkpoint.pt" "$out/r18.pt" <<'EOF'
import sys
from pathlib import Path
from twinspect_training.checkpoint import load_checkpoint, save_checkpoint
state = load_checkpoint(Path(sys.argv[1]))
save_checkpoint(Path(sys.argv[2]), {k: state[k] for k in ("config", "split", "model", "global_epoch")})
EOF
