#!/usr/bin/env bash
# Builds a JRE 17 base image from Debian packages, for machines that cannot reach Docker Hub.
#   docker/build-base-image.sh [IMAGE]      (default local/jre17:bookworm; needs root, debootstrap, docker)
# Then: docker build --build-arg BASE_IMAGE=local/jre17:bookworm -t gme-simulator .
set -euo pipefail
image=${1:-local/jre17:bookworm}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
rootfs=$(mktemp -d /tmp/gmesim-rootfs.XXXXXX)
cleanup() {
  umount "$rootfs/proc" 2>/dev/null || true
  rm -rf "$rootfs"
}
trap cleanup EXIT

debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s-security bookworm-security main\n' \
  "$mirror" "$mirror" "$mirror" > "$rootfs/etc/apt/sources.list"
# java in the chroot needs /proc while the JRE's post-install scripts run.
mount -t proc proc "$rootfs/proc"
chroot "$rootfs" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null && apt-get clean && rm -rf /var/lib/apt/lists/* /usr/share/doc /usr/share/man /usr/share/locale'
umount "$rootfs/proc"
tar -C "$rootfs" --numeric-owner -c . | docker import -c 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' - "$image" >/dev/null
echo "built $image"
