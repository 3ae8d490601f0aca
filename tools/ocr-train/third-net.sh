#!/usr/bin/env bash
# The third net of the MRZ model (resources/ocr/mrz3.traineddata). The reader asks it only when the
# first two nets read an unsure line differently, and keeps the most confident of the three readings
# (electron/core/ocr/model.ts). It helps because it comes from a third start: Tesseract's stock English
# net (Debian's tessdata_fast `eng`, package tesseract-ocr-eng), a wider net trained on far more
# printed text, fine-tuned on the real MRZ lines with its output layer mapped onto the MRZ charset.
#
# usage: bash tools/ocr-train/third-net.sh                    (every step; about 20 min on two cores)
#        STEPS="soup" bash tools/ocr-train/third-net.sh        (from fine-tunes already run)
# The fine-tunes read the real-line lists of the first net's work folder (train.sh steps data and
# realaug, make-mosaic.ts): run `npm run train:ocr` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-$PWD/tools/ocr-train/work}
ENG=${ENG:-/usr/share/tesseract-ocr/5/tessdata/eng.traineddata}
STEPS=${STEPS:-start finetune soup}
has() { [[ " $STEPS " == *" $1 "* ]]; }
BASE=$WORK/base

if has start; then
  # lstmtraining refuses integer models and the stock one is integer: made float again (dequantise.ts)
  mkdir -p "$BASE"
  cp "$ENG" "$BASE/eng-fast.traineddata"
  combine_tessdata -e "$BASE/eng-fast.traineddata" "$BASE/eng-fast.lstm" > /dev/null
  npx tsx tools/ocr-train/dequantise.ts "$BASE/eng-fast.lstm" "$BASE/eng-fast-f.lstm"
fi

if has finetune; then
  # two runs side by side (one per core) on all real lines (FT_ALL), learning rate 0.0005, 10,000
  # iterations: all 24 reshaped copies of each line (eg); 12 of them and a pack of real-glyph mosaics
  # (eh). Their fit-only twins (ef, ef2) chose this: see resources/ocr/README.md, session 9.
  COMMON=(FT_ALL=1 FT_FROM="$BASE/eng-fast-f.lstm" FT_OLD="$BASE/eng-fast.traineddata" FT_LR=0.0005 FT_ITER=10000)
  env STEPS=finetune "${COMMON[@]}" FT_TAG=eg bash tools/ocr-train/train.sh > "$WORK/run-eg.out" 2>&1 &
  env STEPS=finetune "${COMMON[@]}" FT_TAG=eh FT_RESHAPES="$WORK/data2/reshape-0.list $WORK/data2/reshape-12.list" \
    FT_EXTRA="$WORK/data3/mosaic-11.list" bash tools/ocr-train/train.sh > "$WORK/run-eh.out" 2>&1
  wait
fi

if has soup; then
  # the mean of both runs' snapshots from iteration 6,000 on, as an integer model
  STEPS=soup SOUP_NAME=third SOUP_RUNS="eg eh" SOUP_FROM=6000 bash tools/ocr-train/train.sh
  cp "$WORK/soups/third.int.traineddata" resources/ocr/mrz3.traineddata
  echo "third net: $(cat "$WORK/soups/third.txt")" > resources/ocr/checkpoint3.txt
  echo "shipped: soups/third (resources/ocr/mrz3.traineddata)"
fi
