#!/usr/bin/env bash
# Builds portpush/debian-ssh-nft:bookworm, the base image of the container tests, from Debian's own
# packages, for machines that reach a Debian mirror but no image registry. The mirror is the one
# apt already uses on this machine (read from its sources); no host is named here.
#
# With Docker Hub access you do not need this: tag a stock image instead,
#   docker pull debian:bookworm && docker tag debian:bookworm portpush/debian-ssh-nft:bookworm
# (the test image's Dockerfile installs openssh-server and nftables when they are missing).
#
# Usage: lab/containers/build-base-image.sh [--force]     (root; debootstrap and docker needed)
set -euo pipefail
IMAGE=portpush/debian-ssh-nft:bookworm
SUITE=bookworm

if [ "${1:-}" != "--force" ] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "build-base-image: $IMAGE already present"
  exit 0
fi

mirror() {
  # deb822 sources (Debian 12 default), then one-line sources
  local uri
  uri=$(awk '/^URIs:/ {for (i = 2; i <= NF; i++) print $i}' /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | grep -v -- '-security' | grep -i debian | head -1 || true)
  if [ -z "$uri" ]; then
    uri=$(grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
          | grep -v -- '-security' | grep -i debian | awk '{for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' | head -1 || true)
  fi
  echo "$uri"
}

MIRROR=$(mirror)
if [ -z "$MIRROR" ]; then
  echo "build-base-image: no Debian mirror found in /etc/apt/sources*; cannot build $IMAGE" >&2
  exit 1
fi
ROOTFS=$(mktemp -d /tmp/portpush-rootfs.XXXXXX)
trap 'rm -rf "$ROOTFS"' EXIT
echo "build-base-image: debootstrap $SUITE from $MIRROR (about two minutes)"
debootstrap --variant=minbase --include=openssh-server,nftables,iproute2,socat "$SUITE" "$ROOTFS" "$MIRROR" >/dev/null
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
tar -C "$ROOTFS" -c . | docker import -c 'CMD ["/bin/bash"]' - "$IMAGE" >/dev/null
echo "build-base-image: $IMAGE built"
