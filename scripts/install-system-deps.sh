#!/usr/bin/env bash
# Debian packages the workstation and its tests need (run as root, or with sudo):
#   chromium           end-to-end tests drive the real renderer in it (playwright-core)
#   socat              real pseudo-terminal pairs for the serial reader tests
#   libusb-1.0-0 libudev1 udev   node-hid and serialport's device listing (udevadm)
#   fonts-ocr-b        the OCR-B font: synthetic MRZ images and the screen's zone display
#   tesseract-ocr      LSTM training tools for the MRZ model (npm run train:ocr) and fixtures
#   imagemagick poppler-utils   image fixtures; pdftotext checks the PDF shift export
#   fonts-noto-core fonts-thai-tlwg   Thai and Vietnamese glyphs on screen and in screenshots
#   python3 make g++   build better-sqlite3 from source (npm ci)
set -euo pipefail
PKGS=(chromium socat libusb-1.0-0 libudev1 udev fonts-ocr-b tesseract-ocr imagemagick poppler-utils fonts-noto-core fonts-thai-tlwg python3 make g++)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "installing system packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
