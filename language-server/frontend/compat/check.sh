#!/usr/bin/env bash
# Compatibility check: runs the front end over a folder of Toit code written by others and
# prints every error with a summary by issue code. Usage: check.sh DIR
# Builds the front end (no tests) if needed; see docs/toit-editor.md, "Compatibility corpus".
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
root=$(cd "$module/../.." && pwd)
. "$root/.mvn/wrapper/java-home.sh"
cp_file="$module/target/compat.classpath"
"$root/mvnw" -q -f "$root/pom.xml" package -pl language-server/frontend -am -DskipTests \
    dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >&2
"$JAVA_HOME/bin/java" -cp "$module/target/classes:$(cat "$cp_file")" "$here/CompatCheck.java" "$1"
