# Sourced by the board tests: the eave CLI that Maven built, as the command array `cli` and the
# function `eave`. Exits 77 (CTest's "skipped") when it is not built. Needs $root (the
# repository) and $what (the test's name for messages).
jar=$(ls "$root"/toolchain/cli/target/eave-cli-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ ! -d "$root/toolchain/cli/target/lib" ]; then
  echo "$what: skipped: the CLI is not built (toolchain/cli/target)"
  exit 77
fi
if [ -f "$root/.mvn/wrapper/java-home.sh" ]; then . "$root/.mvn/wrapper/java-home.sh"; fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
cli=("$java" --enable-native-access=ALL-UNNAMED -cp "$jar:$root/toolchain/cli/target/lib/*" io.eave.cli.Main)
eave() { "${cli[@]}" "$@"; }
