# Sourced by mvnw and ./eave: picks a JDK 21+ (the Eclipse platform and Tycho 5 need it).
# An explicit JAVA_HOME wins when it is new enough; otherwise the newest JDK under /usr/lib/jvm.
eave_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
eave_pick_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(eave_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 jdk major
  for jdk in /usr/lib/jvm/*/; do
    jdk=${jdk%/}
    [ -x "$jdk/bin/javac" ] || continue
    major=$(eave_java_major "$jdk")
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ] 2>/dev/null; then best=$jdk; best_major=$major; fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "Eave needs a JDK 21 or newer (found ${best_major:-none}); install one (e.g. Temurin 25) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
eave_pick_java || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
