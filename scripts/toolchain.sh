# Shared by ./parallax and ./test: finds a JDK 21+ and Maven (downloaded from Maven Central if absent).
# shellcheck shell=bash
MAVEN_VERSION=3.9.11

java_major() { "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'; }

find_java() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for d in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -x "$d" ] && candidates+=("$d")
  done
  local best="" best_v=0 v
  for c in "${candidates[@]}"; do
    [ -x "$c" ] || continue
    v=$(java_major "$c" 2>/dev/null || echo 0)
    if [ "${v:-0}" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$c"; best_v=$v; fi
  done
  [ -n "$best" ] || { echo "parallax: no JDK 21 or newer found (set JAVA_HOME)" >&2; exit 1; }
  echo "$best"
}

find_mvn() {
  if command -v mvn >/dev/null 2>&1; then command -v mvn; return; fi
  local dir="${HOME}/.m2/wrapper/apache-maven-${MAVEN_VERSION}"
  if [ ! -x "$dir/bin/mvn" ]; then
    echo "parallax: downloading Apache Maven ${MAVEN_VERSION} from Maven Central" >&2
    mkdir -p "${HOME}/.m2/wrapper"
    local url="https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/${MAVEN_VERSION}/apache-maven-${MAVEN_VERSION}-bin.tar.gz"
    if command -v curl >/dev/null 2>&1; then curl -fsSL "$url" | tar -xz -C "${HOME}/.m2/wrapper"
    else wget -qO- "$url" | tar -xz -C "${HOME}/.m2/wrapper"; fi
  fi
  echo "$dir/bin/mvn"
}

