#!/usr/bin/env bash
# Installs everything Hushnote needs on a Debian machine (run as root or with
# sudo for apt): system packages, npm packages and the model fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# chromium: renderer tests through the browser bridge; ffmpeg: audio decoding;
# libsecret + gnome-keyring + dbus: the OS keychain; sox + espeak-ng: generated
# test audio; pulseaudio: the Linux system-audio capture path.
$SUDO apt-get install -y -qq --no-install-recommends \
  chromium ffmpeg libsecret-1-dev gnome-keyring dbus dbus-x11 libsecret-tools \
  sox espeak-ng pulseaudio pulseaudio-utils build-essential python3 \
  ca-certificates unzip >/dev/null

# Electron's binary cannot be downloaded on every machine; the core runs in
# plain Node and the renderer in Chromium. onnxruntime-node's CPU binary is
# already in its tarball, so its GPU-provider download is skipped.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
export ONNXRUNTIME_NODE_INSTALL=skip
npm ci --no-audit --no-fund

npm run fixtures
