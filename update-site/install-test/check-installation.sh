#!/usr/bin/env bash
# Checks that the p2 director put Eave into the stock platform, and that Eave's bundles came from
# the update site (the stock platform's own repository must not hold them).
set -euo pipefail
platform=$1
platform_repository=$2
fail() { echo "update-site install test: FAIL: $*" >&2; exit 1; }

if compgen -G "$platform_repository/plugins/io.eave.*" >/dev/null; then
  fail "the stock platform's repository already holds Eave bundles, so the test proves nothing"
fi
bundles_info=$platform/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info
[ -f "$bundles_info" ] || fail "no $bundles_info: the platform was not materialized"
for bundle in io.eave.toit.editor io.eave.toit.wizards io.eave.firmware io.eave.toit.syntax io.eave.launch io.eave.debug.ui io.eave.debug io.eave.compiler io.eave.toit.frontend io.eave.toit.core org.eclipse.xtext; do
  line=$(grep "^$bundle," "$bundles_info") || fail "$bundle is not in bundles.info after installing from the update site"
  jar=$(echo "$line" | cut -d, -f3)
  [ -f "$platform/$jar" ] || fail "$bundle is listed in bundles.info but $platform/$jar does not exist"
done
ls "$platform"/features | grep -q '^io.eave.feature_' || fail "the Eave feature is not installed"
echo "update-site install test: Eave installed from the update site into a stock platform"
