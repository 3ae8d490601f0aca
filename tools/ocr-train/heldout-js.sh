#!/usr/bin/env bash
# Scores checkpoints on the held-out training lines through tesseract.js (integer model, the app's
# path), to choose between checkpoints whose lstmeval figures are close. eval.txt is never read.
# usage: bash tools/ocr-train/heldout-js.sh CHECKPOINT...
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-$PWD/tools/ocr-train/work}
DATASET=${DATASET:-$PWD/../shared/datasets/mrz-lines}
for ck in "$@"; do
  d=$(mktemp -d)
  lstmtraining --stop_training --convert_to_int --continue_from "$ck" --traineddata "$WORK/starter/mrz/mrz.traineddata" --model_output "$d/mrz.traineddata" >/dev/null 2>&1
  printf '%s ' "$(basename "$ck")"
  npx tsx tools/ocr-train/evaluate.ts --model "$d" --dataset "$DATASET" --list "$WORK/data/heldout-lines.txt" --label heldout | head -1
  rm -rf "$d"
done
