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
# test audio; pulseaudio: the Linux system-audio capture path; cmake:
# whisper.cpp compiled for this CPU (native/whisper/build.mjs).
$SUDO apt-get install -y -qq --no-install-recommends \
  chromium ffmpeg libsecret-1-dev gnome-keyring dbus dbus-x11 libsecret-tools \
  sox espeak-ng pulseaudio pulseaudio-utils build-essential cmake python3 \
  ca-certificates unzip >/dev/null

# Electron's binary cannot be downloaded on every machine; the core runs in
# plain Node and the renderer in Chromium. onnxruntime-node's CPU binary is
# already in its tarball, so its GPU-provider download is skipped.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
export ONNXRUNTIME_NODE_INSTALL=skip
# `npm install`, not `npm ci`: @fugood/whisper.node lists optional binaries
# for every platform, and registry mirrors that carry only the Linux ones
# (like this project's CI) leave those entries out of the lockfile, which
# `npm ci` rejects as out of sync. The lockfile still pins every version.
npm install --no-audit --no-fund

# whisper.cpp with this CPU's SIMD units: the prebuilt addon has none and runs
# tiny.en at about half real time on two cores.
npm run native:whisper

npm run fixtures
