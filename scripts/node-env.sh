# Sourced by .ci/run (and handy in a shell): puts a Node new enough for this project first on PATH.
# Where the machine's Node is older than package.json's engines (scripts/check-node.cjs decides), it unpacks the
# npm registry's Node 24 build into a cache folder and points native builds (keytar, better-sqlite3) at its headers.
NODE_PIN=24.21.0
here="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")" && pwd)"
if ! node "$here/check-node.cjs" --quiet 2>/dev/null; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "node-env: unsupported machine $(uname -m)" >&2; return 1 ;;
  esac
  dir="${XDG_CACHE_HOME:-$HOME/.cache}/modelslab-chat/node-$NODE_PIN-$arch"
  if [ ! -x "$dir/bin/node" ]; then
    echo "node-env: fetching Node $NODE_PIN ($arch) from the npm registry"
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "node-linux-$arch@$NODE_PIN" >/dev/null && tar xzf ./*.tgz)
    mkdir -p "$(dirname "$dir")"
    rm -rf "$dir" && mv "$tmp/package" "$dir"
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
  export npm_config_nodedir="$dir"
fi
unset here
