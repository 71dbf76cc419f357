#!/usr/bin/env bash
# The DAP-client test of the debug adapter (toolchain/debug/pom.xml runs it in integration-test):
# installs the locked npm packages (@vscode/debugadapter-testsupport) and runs the tests with
# node's built-in runner. The environment comes from Maven: EAVE_JAVA, EAVE_TEST_CLASSPATH,
# EAVE_ROOT and, with -Deave.sim, EAVE_SIM.
set -euo pipefail
cd "$(dirname "$0")"
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "debug adapter DAP-client test: '$tool' is missing. It needs Node.js 18 or later with npm" \
      "(Debian: apt-get install nodejs npm; .ci/run installs them). Skip all tests with -DskipTests." >&2
    exit 1
  fi
done
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
  echo "debug adapter DAP-client test: Node.js $(node --version) is too old: its test runner needs 18 or later" >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
exec node --test --test-reporter=spec test/*.test.mjs
