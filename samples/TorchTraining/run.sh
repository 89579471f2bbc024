#!/usr/bin/env bash
# Builds samples/TorchTraining against TorchSharp-cpu (libtorch 2.10 for the CPU) and runs it.
#
# TorchSharp's native binding needs a C++ runtime with GLIBCXX_3.4.32 (GCC 13's libstdc++). Where
# the system's is older (Debian 12 ships GCC 12's) and Debian's package tools are at hand, the
# script downloads Debian 13's C and C++ runtime packages into artifacts/, unpacks them there and
# runs the sample on them alone; nothing is installed into the system but patchelf, and that only
# as root. The system's package sources are reused with Debian 13's suite names.
#
# Exit codes: 0 the sample ran; 1 the build or the run failed; 3 it cannot run on this machine
# (the last line says why).
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/artifacts/torchtraining-cpu"
out="$work/bin"

cannot() { echo "cannot run the TorchSharp sample here: $1"; exit 3; }

mkdir -p "$work"
dotnet build "$here/TorchTraining.csproj" -c Release -nologo -v quiet -nodeReuse:false \
  -p:TorchSharpPackage=TorchSharp-cpu -o "$out" >"$work/build.log" 2>&1 || {
  cat "$work/build.log"
  echo "the build against TorchSharp-cpu failed"
  exit 1
}

has_cxx_runtime() {
  local lib
  for lib in /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6 /lib64/libstdc++.so.6 /usr/lib/libstdc++.so.6; do
    if [ -e "$lib" ] && grep -qa 'GLIBCXX_3\.4\.32' "$lib"; then
      return 0
    fi
  done
  return 1
}

if [ "$(uname -s)" != Linux ] || has_cxx_runtime; then
  exec dotnet "$out/TorchTraining.dll"
fi

[ "$(uname -m)" = x86_64 ] || cannot "TorchSharp-cpu has no native library for $(uname -m) Linux"
command -v apt-get >/dev/null && command -v dpkg >/dev/null \
  || cannot "the C++ runtime lacks GLIBCXX_3.4.32 (GCC 13) and Debian's package tools are not here to fetch a newer one"

runtime="$work/debian13"
lib="$runtime/root/usr/lib/x86_64-linux-gnu"
if [ ! -e "$lib/ld-linux-x86-64.so.2" ] || [ ! -e "$lib/libstdc++.so.6" ]; then
  rm -rf "$runtime"
  mkdir -p "$runtime/lists/partial" "$runtime/cache/archives/partial" "$runtime/debs" "$runtime/root"
  sources="$runtime/debian13.sources"
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed -E 's/bookworm-(updates|backports)//g; s/bookworm-security/trixie-security/g; s/bookworm/trixie/g' \
      /etc/apt/sources.list.d/debian.sources >"$sources"
  elif [ -f /etc/apt/sources.list ]; then
    sed -E '/bookworm-(updates|backports)/d; s/bookworm-security/trixie-security/g; s/bookworm/trixie/g' \
      /etc/apt/sources.list >"$sources.list"
    sources="$sources.list"
  else
    cannot "no Debian package sources to fetch Debian 13's C++ runtime from"
  fi

  # apt-get reads the system's package state but writes only under $runtime, so it needs no root.
  apt=(-o "Dir::Etc::sourcelist=$sources" -o Dir::Etc::sourceparts=/dev/null
       -o "Dir::State::Lists=$runtime/lists" -o "Dir::Cache=$runtime/cache"
       -o Debug::NoLocking=1 -o "APT::Sandbox::User=$(id -un)" -qq)
  apt-get "${apt[@]}" update >"$runtime/apt.log" 2>&1 \
    && (cd "$runtime/debs" && apt-get "${apt[@]}" download libc6 libstdc++6 libgcc-s1 >>"$runtime/apt.log" 2>&1) \
    || cannot "fetching Debian 13's libc6, libstdc++6 and libgcc-s1 failed (see $runtime/apt.log)"
  for deb in "$runtime"/debs/*.deb; do
    dpkg -x "$deb" "$runtime/root" || cannot "unpacking $deb failed"
  done
fi

if ! command -v patchelf >/dev/null; then
  [ "$(id -u)" = 0 ] || cannot "patchelf is needed to start the sample on Debian 13's runtime (apt-get install patchelf)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq patchelf >/dev/null 2>&1 \
    || cannot "installing patchelf failed"
fi

# The sample's own launcher, started by Debian 13's loader; the loader then finds the C and C++
# runtimes in $lib, and everything else where the system keeps it.
launcher="$out/TorchTraining.debian13"
cp "$out/TorchTraining" "$launcher" && patchelf --set-interpreter "$lib/ld-linux-x86-64.so.2" "$launcher" \
  || cannot "patching the sample's launcher failed"
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
DOTNET_ROOT="$dotnet_root" LD_LIBRARY_PATH="$lib" exec "$launcher"
