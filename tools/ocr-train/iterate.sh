#!/usr/bin/env bash
# The iterated soup: rounds of fine-tunes that start from the previous round's soup (the mean of its
# runs' snapshots), two runs at a time (one per core), each round averaged again. This is how the
# shipped model is made from the first soup (train.sh stage `soup`, runs ra … s4 from ft_4400).
# usage: bash tools/ocr-train/iterate.sh            (every round; about 10 minutes per pair of runs)
#        ROUNDS="r3" bash tools/ocr-train/iterate.sh (one round, from the soup the round before made)
# Runs with FT_ALL=1 train on the held-out lines too: what each round does was first checked on
# fit-only copies of the same step (see resources/ocr/README.md), never on eval.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-$PWD/tools/ocr-train/work}
D2=$WORK/data2
D3=$WORK/data3
ROUNDS=${ROUNDS:-r1 r2 r3 r4}

# ft TAG FROM LR "RESHAPE LISTS" "EXTRA LISTS": one fine-tune of 8,000 iterations on all real lines
ft() {
  STEPS=finetune FT_FROM="$2" FT_TAG="$1" FT_LR="$3" FT_ITER=8000 FT_ALL=1 \
    FT_RESHAPES="$(for r in $4; do printf '%s ' "$D2/$r.list"; done)" \
    FT_EXTRA="$(for r in $5; do printf '%s ' "$D3/$r.list"; done)" \
    bash tools/ocr-train/train.sh > "$WORK/run-$1.out" 2>&1
}
# soup NAME "RUNS" FROM: the float mean kept as work/soups/NAME.lstm for the next round
soup() { STEPS=soup SOUP_NAME="$1" SOUP_RUNS="$2" SOUP_FROM="$3" bash tools/ocr-train/train.sh; }

for round in $ROUNDS; do
  case $round in
    r1) # the first soup: 28 snapshots of nine fine-tunes from ft_4400 (session 4)
      soup r1 "ra rb rd rm rall s1 s2 s3 s4" 6000 ;;
    r2)
      ft v1 "$WORK/soups/r1.lstm" 0.0002 "reshape-12 reshape-18" "mosaic-13" &
      ft v2 "$WORK/soups/r1.lstm" 0.0003 "reshape-0 reshape-6" "mosaic-11"
      wait
      soup r2 "v1 v2" 4000 ;;
    r3)
      ft w1 "$WORK/soups/r2.lstm" 0.0002 "reshape-6 reshape-18" "mosaic-12" &
      ft w2 "$WORK/soups/r2.lstm" 0.0003 "reshape-0 reshape-12" "mosaic-13"
      wait
      ft w3 "$WORK/soups/r2.lstm" 0.00025 "reshape-12 reshape-18" "mosaic-11" &
      ft w4 "$WORK/soups/r2.lstm" 0.00025 "reshape-0 reshape-6" ""
      wait
      soup r3 "w1 w2 w3 w4" 3000 ;;
    r4)
      ft y1 "$WORK/soups/r3.lstm" 0.0002 "reshape-0 reshape-18" "mosaic-11" &
      ft y2 "$WORK/soups/r3.lstm" 0.0003 "reshape-6 reshape-12" "mosaic-12"
      wait
      ft y3 "$WORK/soups/r3.lstm" 0.00025 "reshape-0 reshape-12" "" &
      ft y4 "$WORK/soups/r3.lstm" 0.00025 "reshape-6 reshape-18" "mosaic-13"
      wait
      soup r4 "y1 y2 y3 y4" 3000 ;;
    r5) # session 8: the same step on the corrected labels (labelFixes.ts)
      ft q1 "$WORK/soups/r4.lstm" 0.0002 "reshape-0 reshape-12" "mosaic-12" &
      ft q2 "$WORK/soups/r4.lstm" 0.0003 "reshape-6 reshape-18" "mosaic-11"
      wait
      soup r5 "q1 q2" 3000 ;;
    *) echo "unknown round $round" >&2; exit 2 ;;
  esac
done
# the last round's soup, as the integer model, is what ships
last=${ROUNDS##* }
cp "$WORK/soups/$last.int.traineddata" resources/ocr/mrz.traineddata
for r in $ROUNDS; do echo "round $r: $(cat "$WORK/soups/$r.txt")"; done > resources/ocr/checkpoint.txt
echo "shipped: soups/$last (resources/ocr/mrz.traineddata)"
