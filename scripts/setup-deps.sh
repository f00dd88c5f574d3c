#!/usr/bin/env bash
# Installs every Debian 12 package luutru needs to build, test and run.
# Idempotent: quiet and quick when everything is already there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libicu-dev
  libxapian-dev xapian-tools
  libpoppler-cpp-dev libpoppler-glib-dev poppler-utils libqpdf-dev
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-vie
  libboost-program-options-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev rapidjson-dev
  libcairo2-dev libpango1.0-dev fonts-liberation2 fonts-dejavu-core
  qpdf libcsv-dev libxxhash-dev tesseract-ocr-script-viet libjpeg62-turbo-dev
  libcpp-httplib-dev libcrypt-dev libzstd-dev liblz4-dev
  dpkg-dev lintian systemd
  libsqlite3-dev
  # the handwritten digit model (indexer/ocr/digit_model.h) and the samples it is trained on
  libopencv-core-dev libopencv-imgproc-dev libopencv-ml-dev libopencv-imgcodecs-dev opencv-doc
  chromium chromium-driver  # the reading room's browser tests (tests/serve/)
  clang libclang-rt-14-dev
  clang-format  # scripts/check-format.sh
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "luutru: installing ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
