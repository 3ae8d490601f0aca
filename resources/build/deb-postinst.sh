#!/bin/sh
# Installs the document-reader udev rules shipped with the app and reloads udev.
set -e
RULES=/opt/Checkpoint/resources/udev/70-checkpoint-readers.rules
if [ -f "$RULES" ]; then
  cp "$RULES" /etc/udev/rules.d/70-checkpoint-readers.rules
  udevadm control --reload-rules || true
  udevadm trigger || true
fi
