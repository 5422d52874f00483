# Shared by every script in scripts/: where the project is, which java to use, the JVM flags, the classpath.
# Source it; do not run it.
set -euo pipefail

TK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export TK_HOME

# JAVA: $JAVA_HOME/bin/java when set, else the java on PATH.
if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
  TK_JAVA="${JAVA_HOME}/bin/java"
else
  TK_JAVA="$(command -v java)"
fi

# The JVM flags every dependency needs, from the one file that holds them (config/jvm.options).
tk_jvm_options() {
  grep -v -E '^[[:space:]]*(#|$)' "${TK_HOME}/config/jvm.options" | tr '\n' ' '
}

# Build the modules (without tests) when a module's classes are missing or older than its sources.
tk_build_if_needed() {
  local module stale=0
  for module in "$@"; do
    if [[ ! -d "${TK_HOME}/${module}/target/classes" || ! -d "${TK_HOME}/${module}/target/lib" ]]; then
      stale=1
    # Any module's sources count: target/lib holds copies of the upstream modules' jars.
    elif [[ -n "$(find "${TK_HOME}"/*/src/main "${TK_HOME}"/*/pom.xml "${TK_HOME}/pom.xml" \
                 -newer "${TK_HOME}/${module}/target/lib" -type f 2>/dev/null | head -1)" ]]; then
      stale=1
    fi
  done
  if [[ "${stale}" == 1 ]]; then
    echo "building (first run or sources changed)..." >&2
    (cd "${TK_HOME}" && ./mvnw -q -B -DskipTests -Dmaven.javadoc.skip=true install >&2)
    for module in "$@"; do touch "${TK_HOME}/${module}/target/lib"; done
  fi
}

# Runtime classpath of one module: its classes plus the jars copied to target/lib at package time.
tk_classpath() {
  local module="$1"
  echo "${TK_HOME}/${module}/target/classes:${TK_HOME}/${module}/target/lib/*"
}

# Run a main class of a module with the shared flags: tk_java MODULE HEAP MAIN_CLASS ARGS...
tk_java() {
  local module="$1" heap="$2" main="$3"
  shift 3
  # shellcheck disable=SC2046
  exec "${TK_JAVA}" $(tk_jvm_options) "-Xmx${heap}" -cp "$(tk_classpath "${module}")" "${main}" "$@"
}
