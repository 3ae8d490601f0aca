#!/usr/bin/env bash
# Trains the project's MRZ recognition model for Tesseract (LSTM), from scratch.
# usage: npm run train:ocr            (all steps; about 1.5-2 h on one core)
#        STEPS="data starter" npm run train:ocr   (a subset: data starter train resume realaug finetune final eval)
#        STEPS="resume final eval" npm run train:ocr   (go on from the last checkpoint, e.g. after a stop)
#        STEPS="finetune final eval" npm run train:ocr (from the best snapshot, on the real lines only)
#        STEPS="soup eval" npm run train:ocr  (the shipped model: mean of the fine-tunes' snapshots)
# Environment:
#   DATASET      ../shared/datasets/mrz-lines   real lines (train.txt only; eval.txt is read by 'eval' alone)
#   WORK         tools/ocr-train/work           generated data, checkpoints (git-ignored)
#   SYNTHETIC    12000                          synthetic lines to render
#   MAX_ITER     100000                         lstmtraining iterations
#   SNAP_EVERY   300                            seconds between held-out evaluations of the latest checkpoint
#   FT_RESHAPES, FT_EXTRA                       finetune only: reshaped-copy lists, extra lists (see there)
#   SOUP_RUNS, SOUP_FROM                        soup only: fine-tune tags and first iteration to average
#   SOUP_NAME                                   soup only: an intermediate round, kept as work/soups/NAME.lstm
#                                               (the FT_FROM of the next round), not shipped
#   RESUME_LR    (unset)                        resume only: restart the learning rate at this value (e.g. 0.0005
#                                               once held-out error stops falling at 0.002)
# Needs Debian packages: tesseract-ocr (training tools), fonts-ocr-b, imagemagick.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DATASET=${DATASET:-$ROOT/../shared/datasets/mrz-lines}
WORK=${WORK:-$ROOT/tools/ocr-train/work}
SYNTHETIC=${SYNTHETIC:-4000}
MAX_ITER=${MAX_ITER:-100000}
SNAP_EVERY=${SNAP_EVERY:-300}
STEPS=${STEPS:-data starter train realaug finetune final eval}
NET_BASE=${NET_BASE:-'[1,36,0,1 Ct3,3,16 Mp3,3 Lfys32 Lfx96 Lrx96 O1c'}
export OMP_THREAD_LIMIT=1
mkdir -p "$WORK"
has() { [[ " $STEPS " == *" $1 "* ]]; }

if has data; then
  echo "== rendering training lines into $WORK/data"
  nice -n 10 npx tsx tools/ocr-train/make-data.ts --out "$WORK/data" --dataset "$DATASET" --synthetic "$SYNTHETIC" --real-copies "${REAL_COPIES:-3}" --syn-weight "${SYN_WEIGHT:-3}"
fi

if has starter; then
  echo "== starter traineddata (charset, recoder)"
  rm -rf "$WORK/starter" && mkdir -p "$WORK/starter/script"
  unicharset_extractor --output_unicharset "$WORK/starter/unicharset" --norm_mode 1 "$WORK/data/all-text.txt"
  # combine_lang_model insists on a radical-stroke table; an empty one fails, a comment line works.
  echo "# no radicals in the MRZ charset" > "$WORK/starter/script/radical-stroke.txt"
  combine_lang_model --input_unicharset "$WORK/starter/unicharset" --script_dir "$WORK/starter/script" \
    --lang mrz --output_dir "$WORK/starter" --pass_through_recoder
fi
STARTER=$WORK/starter/mrz/mrz.traineddata
NCLASS=$(head -1 "$WORK/starter/unicharset" 2>/dev/null || echo 0)

if has train; then
  echo "== lstmtraining from scratch ($NET_BASE$NCLASS])"
  mkdir -p "$WORK/ckpt" "$WORK/snap"
  bash tools/ocr-train/snapshots.sh "$WORK" "$STARTER" "$SNAP_EVERY" &
  SNAPPER=$!
  trap 'kill $SNAPPER 2>/dev/null || true' EXIT
  nice -n 10 lstmtraining --traineddata "$STARTER" --net_spec "$NET_BASE$NCLASS]" \
    --model_output "$WORK/ckpt/mrz" --learning_rate 0.002 \
    --train_listfile "$WORK/data/train.list" --max_iterations "$MAX_ITER" --debug_interval 0 \
    2>&1 | tee -a "$WORK/train.log" | grep --line-buffered -E '^At iteration|best|Finished' || true
  kill $SNAPPER 2>/dev/null || true
fi

if has resume; then
  # The same run, continued: lstmtraining restores weights, learning rate and iteration count from
  # the checkpoint, so a run split over several sittings is the run it would have been in one go.
  echo "== lstmtraining resumed from $WORK/ckpt/mrz_checkpoint"
  bash tools/ocr-train/snapshots.sh "$WORK" "$STARTER" "$SNAP_EVERY" &
  SNAPPER=$!
  trap 'kill $SNAPPER 2>/dev/null || true' EXIT
  LR_ARGS=()
  if [ -n "${RESUME_LR:-}" ]; then LR_ARGS=(--reset_learning_rate --learning_rate "$RESUME_LR"); fi
  nice -n 10 lstmtraining --continue_from "$WORK/ckpt/mrz_checkpoint" --traineddata "$STARTER" "${LR_ARGS[@]}" \
    --model_output "$WORK/ckpt/mrz" --train_listfile "$WORK/data/train.list" --max_iterations "$MAX_ITER" --debug_interval 0 \
    2>&1 | tee -a "$WORK/train.log" | grep --line-buffered -E '^At iteration|best|Finished' || true
  kill $SNAPPER 2>/dev/null || true
fi

if has realaug; then
  # Reshaped copies of the real lines (new margins, pitch, slant, waves, stroke weights, resolutions)
  # for the fine-tune, two generators, one per core; the held-out lines get theirs (and a plain pack)
  # for the FT_ALL stage only.
  N=${REAL_RESHAPES:-24}
  HALF=$(( N / 2 ))
  echo "== reshaping real training lines ($N copies each)"
  for which in fit heldout; do
    npx tsx tools/ocr-train/make-realaug.ts --out "$WORK/data2" --dataset "$DATASET" --which $which --copies "$HALF" --first 0 &
    npx tsx tools/ocr-train/make-realaug.ts --out "$WORK/data2" --dataset "$DATASET" --which $which --copies "$(( N - HALF ))" --first "$HALF"
    wait
  done
  npx tsx tools/ocr-train/make-realaug.ts --out "$WORK/data2" --dataset "$DATASET" --which heldout --plain --copies 1
fi

if has finetune; then
  # Last stage: from the best snapshot so far (or FT_FROM), the real training lines only (fitting
  # lines, their augmented and reshaped copies, no synthetic ones unless FT_SYN files are asked for)
  # at a lower learning rate. Its snapshots join snap/scores.txt as <FT_TAG>_<iteration>, so `final`
  # picks whichever checkpoint has the lowest held-out error.
  BEST=${FT_FROM:-$(sort -t' ' -k2,2g "$WORK/snap/scores.txt" | head -1 | cut -d' ' -f1)}
  TAG=${FT_TAG:-ft}
  echo "== fine-tuning $BEST on real lines (learning rate ${FT_LR:-0.0005}, ${FT_ITER:-8000} iterations) as $TAG"
  LIST="$WORK/data/train-$TAG.list"
  # FT_ALL=1: the held-out lines join in (originals and reshaped copies). Their score then means
  # nothing, so such a run takes the iteration count the held-out lines chose before, and FINAL_FROM.
  # FT_RESHAPES: which reshaped-copy lists (default all); FT_EXTRA: more list files, e.g. the
  # real-glyph mosaics of make-mosaic.ts (data3/mosaic-*.list).
  { grep -v '/syn_' "$WORK/data/train.list"; cat ${FT_RESHAPES:-"$WORK"/data2/reshape-*.list} 2>/dev/null || true;
    if [ -n "${FT_EXTRA:-}" ]; then cat $FT_EXTRA; fi
    if [ -n "${FT_ALL:-}" ]; then cat "$WORK"/data2/heldplain-*.list "$WORK"/data2/heldreshape-*.list; fi
    # (head closing the pipe early must not end the script under pipefail)
    grep '/syn_' "$WORK/data/train.list" | sort -u | head -n "${FT_SYN:-0}" || true; } | shuf --random-source=<(yes) > "$LIST"
  mkdir -p "$WORK/ckpt-$TAG"
  cp "$BEST" "$WORK/ckpt-$TAG/start.checkpoint"
  # FT_APPEND=N FT_NET='[...]': keep the first N layers and train a new head on them (more capacity
  # without starting from scratch), e.g. FT_APPEND=5 FT_NET='[Lfx192 O1c40]' on top of Lrx96.
  HEAD=()
  if [ -n "${FT_APPEND:-}" ]; then HEAD=(--append_index "$FT_APPEND" --net_spec "$FT_NET"); else HEAD=(--reset_learning_rate); fi
  # FT_OLD=X.traineddata: FT_FROM is another charset's model (e.g. a stock model made float by
  # dequantise.ts); lstmtraining maps its output layer onto the MRZ charset, keeping shared letters.
  if [ -n "${FT_OLD:-}" ]; then HEAD+=(--old_traineddata "$FT_OLD"); fi
  # a run that trains on the held-out lines keeps its (meaningless) scores apart
  bash tools/ocr-train/snapshots.sh "$WORK" "$STARTER" "$SNAP_EVERY" "$WORK/ckpt-$TAG" "$WORK/train-$TAG.log" "$TAG" \
    "$WORK/snap/scores${FT_ALL:+-trained-on}.txt" &
  SNAPPER=$!
  trap 'kill $SNAPPER 2>/dev/null || true' EXIT
  nice -n 10 lstmtraining --continue_from "$WORK/ckpt-$TAG/start.checkpoint" --traineddata "$STARTER" \
    "${HEAD[@]}" --learning_rate "${FT_LR:-0.0005}" --model_output "$WORK/ckpt-$TAG/mrz" \
    --train_listfile "$LIST" --max_iterations "${FT_ITER:-8000}" --debug_interval 0 \
    > "$WORK/train-$TAG.log" 2>&1 || true
  kill $SNAPPER 2>/dev/null || true
  # the last checkpoint joins the snapshots too (the snapper's clock rarely lands on the end)
  cp "$WORK/ckpt-$TAG/mrz_checkpoint" "$WORK/snap/${TAG}_${FT_ITER:-8000}.checkpoint"
fi

if has soup; then
  # A "model soup": the element-wise mean of the weights of many snapshots of the fine-tunes that all
  # started from one checkpoint (tools/ocr-train/average.ts). Neighbouring snapshots at a fixed learning
  # rate jitter around a minimum (held-out error 0.35-0.58%); their mean sits nearer its middle, and
  # runs on different data mixes add variety. No choice among snapshots is made: every snapshot of the
  # runs in SOUP_RUNS from iteration SOUP_FROM on goes in, so the held-out lines need not choose.
  CKPTS=()
  for run in ${SOUP_RUNS:-ra rb rd rm rall s1 s2 s3 s4}; do
    for f in "$WORK"/snap/"$run"_*.checkpoint; do
      [ -e "$f" ] || continue
      it=${f##*_}; it=${it%.checkpoint}
      if [ "$it" -ge "${SOUP_FROM:-6000}" ]; then CKPTS+=("$f"); fi
    done
  done
  echo "== soup of ${#CKPTS[@]} snapshots"
  # The float mean is kept as soups/<SOUP_NAME>.lstm, the start of the next round of fine-tunes
  # (FT_FROM): an "iterated soup". A soup with a SOUP_NAME is an intermediate round and is not shipped.
  mkdir -p "$WORK/soups"
  NAME=${SOUP_NAME:-shipped}
  npx tsx tools/ocr-train/average.ts --starter "$STARTER" --out "$WORK/soups/$NAME.traineddata" "${CKPTS[@]}"
  combine_tessdata -e "$WORK/soups/$NAME.traineddata" "$WORK/soups/$NAME.lstm" > /dev/null
  npx tsx tools/ocr-train/average.ts --starter "$STARTER" --out "$WORK/soups/$NAME.int.traineddata" --int "${CKPTS[@]}"
  { echo "soup of ${#CKPTS[@]} snapshots:"; for f in "${CKPTS[@]}"; do basename "$f" .checkpoint; done; } | tr '\n' ' ' | sed 's/ $/\n/' > "$WORK/soups/$NAME.txt"
  cat "$WORK/soups/$NAME.txt"
  if [ -z "${SOUP_NAME:-}" ]; then
    cp "$WORK/soups/$NAME.int.traineddata" resources/ocr/mrz.traineddata
    cp "$WORK/soups/$NAME.txt" resources/ocr/checkpoint.txt
  fi
fi

if has final; then
  echo "== picking the checkpoint with the lowest held-out character error"
  BEST=${FINAL_FROM:-$(sort -t' ' -k2,2g "$WORK/snap/scores.txt" | head -1 | cut -d' ' -f1)}
  echo "model from: $BEST ($(grep "^$BEST " "$WORK/snap/scores.txt" || echo 'not scored on held-out lines'))"
  lstmtraining --stop_training --continue_from "$BEST" --traineddata "$STARTER" --model_output "$WORK/mrz-float.traineddata"
  lstmtraining --stop_training --convert_to_int --continue_from "$BEST" --traineddata "$STARTER" --model_output "$WORK/mrz.traineddata"
  cp "$WORK/mrz.traineddata" resources/ocr/mrz.traineddata
  { grep "^$BEST " "$WORK/snap/scores.txt" || basename "$BEST"; } | sed "s#.*/##" > resources/ocr/checkpoint.txt
  ls -l resources/ocr/mrz.traineddata
fi

if has eval; then
  echo "== evaluation on held-out training lines and on eval.txt (never trained on)"
  npx tsx tools/ocr-train/evaluate.ts --model resources/ocr --dataset "$DATASET" --list "$WORK/data/heldout-lines.txt" --label heldout
  npx tsx tools/ocr-train/evaluate.ts --model resources/ocr --dataset "$DATASET" --list "$DATASET/eval.txt" --label eval
fi
