#!/usr/bin/env bash
# Install the Debian packages the site's tools need, only when they are missing.
# The print kit's fonts are pinned to exact versions (Debian 12), so every machine
# prints the same PDFs: Noto Sans and Noto Sans Thai (fonts-noto-core) and
# WenQuanYi Micro Hei (fonts-wqy-microhei, TrueType, so Chromium embeds Chinese as a
# CID font); overrides/components/print-kit/print-kit.page.css names them with local().
set -euo pipefail
packages=(chromium fonts-thai-tlwg fonts-noto-cjk nginx libnginx-mod-http-brotli-static poppler-utils)
pinned=(fonts-noto-core=20201225-1 fonts-wqy-microhei=0.2.0-beta-3.1)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
for entry in "${pinned[@]}"; do
  installed=$(dpkg-query -W -f='${Status} ${Version}' "${entry%%=*}" 2>/dev/null || true)
  [ "$installed" = "install ok installed ${entry#*=}" ] || missing+=("$entry")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends --allow-downgrades "${missing[@]}" >/dev/null
