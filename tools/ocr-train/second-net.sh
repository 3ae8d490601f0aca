#!/usr/bin/env bash
# The second net of the MRZ model (resources/ocr/mrz2.traineddata). The reader asks it to read a line
# again when the first net is unsure (electron/core/ocr/model.ts). It helps only if it errs on other
# lines than the first net, so it comes from another start: a base trained from scratch on synthetic
# lines alone (no real line ever seen), then fine-tuned on the real lines like the first net's runs.
#
# usage: bash tools/ocr-train/second-net.sh                (every step; the base takes about 5 h of one core)
#        STEPS="finetune soup" bash tools/ocr-train/second-net.sh   (from the base already trained)
# The fine-tunes read the real-line lists of the first net's work folder (train.sh steps data and
# realaug, make-mosaic.ts): run `npm run train:ocr` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DATASET=${DATASET:-$ROOT/../shared/datasets/mrz-lines}
WORK=${WORK:-$ROOT/tools/ocr-train/work}
SYN=${SYN:-$ROOT/tools/ocr-train/work-syn}
BASE_ITER=${BASE_ITER:-54600}
STEPS=${STEPS:-base finetune soup}
has() { [[ " $STEPS " == *" $1 "* ]]; }

if has base; then
  # every real line is "held out" (share 1): the base never trains on one, and its snapshots are scored
  # on all of them
  nice -n 10 npx tsx tools/ocr-train/make-data.ts --out "$SYN/data" --dataset "$DATASET" --synthetic 24000 \
    --real-copies 0 --heldout-share 1 --syn-weight 1
  WORK=$SYN STEPS="starter train" MAX_ITER=$BASE_ITER bash tools/ocr-train/train.sh
fi

if has finetune; then
  # the same snapshot the shipped second net started from, or the last one
  FROM=$SYN/snap/mrz_$BASE_ITER.checkpoint
  [ -f "$FROM" ] || FROM=$SYN/ckpt/mrz_checkpoint
  # two runs side by side (one per core), on all real lines (FT_ALL): 12 reshaped copies of each; or all
  # 24 and one pack of real-glyph mosaics. Their fit-only twins (za, zb, without the held-out lines)
  # chose this: see resources/ocr/README.md, session 8.
  STEPS=finetune FT_ALL=1 FT_FROM="$FROM" FT_TAG=zc FT_LR=0.0005 FT_ITER=12000 \
    FT_RESHAPES="$WORK/data2/reshape-0.list $WORK/data2/reshape-12.list" bash tools/ocr-train/train.sh > "$WORK/run-zc.out" 2>&1 &
  STEPS=finetune FT_ALL=1 FT_FROM="$FROM" FT_TAG=zd FT_LR=0.0005 FT_ITER=12000 \
    FT_EXTRA="$WORK/data3/mosaic-11.list" bash tools/ocr-train/train.sh > "$WORK/run-zd.out" 2>&1
  wait
fi

if has soup; then
  # the mean of both runs' snapshots from iteration 8,000 on, as an integer model
  STEPS=soup SOUP_NAME=second SOUP_RUNS="zc zd" SOUP_FROM=8000 bash tools/ocr-train/train.sh
  cp "$WORK/soups/second.int.traineddata" resources/ocr/mrz2.traineddata
  echo "second net: $(cat "$WORK/soups/second.txt")" > resources/ocr/checkpoint2.txt
  echo "shipped: soups/second (resources/ocr/mrz2.traineddata)"
fi
