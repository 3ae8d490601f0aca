#!/usr/bin/env bash
# Every N seconds: copy the latest checkpoint and score it on the held-out training lines with lstmeval.
# (lstmtraining's own --eval_listfile pass did not run here; see docs/GUIDE.) Appends to the scores file:
#   <checkpoint path> <char error %> <word error %>
# usage: snapshots.sh WORK STARTER [EVERY] [CKPT_DIR] [TRAIN_LOG] [TAG] [SCORES]
#   defaults: 300 s, WORK/ckpt, WORK/train.log, mrz, WORK/snap/scores.txt (the from-scratch run)
set -uo pipefail
WORK=$1; STARTER=$2; EVERY=${3:-300}
CKPT=${4:-$WORK/ckpt}; LOG=${5:-$WORK/train.log}; TAG=${6:-mrz}; SCORES=${7:-$WORK/snap/scores.txt}
while sleep "$EVERY"; do
  [ -f "$CKPT/mrz_checkpoint" ] || continue
  ITER=$(grep -oE 'At iteration [0-9]+/[0-9]+' "$LOG" | tail -1 | sed -E 's#.*/([0-9]+)#\1#')
  SNAP="$WORK/snap/${TAG}_${ITER:-0}.checkpoint"
  cp "$CKPT/mrz_checkpoint" "$SNAP"
  OUT=$(nice -n 10 lstmeval --model "$SNAP" --traineddata "$STARTER" --eval_listfile "$WORK/data/heldout.list" 2>&1 | grep -E 'BCER|Char error' | tail -1)
  CER=$(echo "$OUT" | grep -oE 'BCER eval=[0-9.]+|Char error rate=[0-9.]+' | grep -oE '[0-9.]+$')
  WER=$(echo "$OUT" | grep -oE 'BWER eval=[0-9.]+|Word error rate=[0-9.]+' | grep -oE '[0-9.]+$')
  echo "$SNAP ${CER:-100} ${WER:-100}" >> "$SCORES"
  echo "[$TAG] iter ${ITER:-?}: held-out char error ${CER:-?}% word error ${WER:-?}%"
done
