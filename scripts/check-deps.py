#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that scripts/install-deps.sh installs everything the build finds on this machine.

A developer's or CI's machine has packages a user's fresh Debian 12 lacks, so a build can be
green here and fail there (Qt6Charts needs Qt6OpenGL, which qt6-charts-dev does not pull in).
This check configures the project, collects every file CMake found outside the source and
build trees (CMakeCache paths, the package configuration files behind each <Pkg>_DIR, the
include directories and libraries of every target from CMake's file API; with --after-build
also every header the compiler read and every shared library the built programs load),
maps each to its Debian package with `dpkg -S`, and fails naming each package that is
neither in install-deps.sh's list, nor pulled in by it (the closure of
`apt-cache depends --recurse` without recommends), nor part of Debian's base system
(Priority: required or Essential: yes).

    scripts/check-deps.py [--build-dir DIR] [--after-build] [--drop PKG ...] [--verbose]

--build-dir DIR   use (and configure, unless it is already configured) this build tree;
                  default: a fresh build/check-deps with every optional feature on
--after-build     also check headers (ninja -t deps) and the shared libraries of the
                  built executables (ldd); needs a built tree
--drop PKG        pretend PKG is not in the list (proves the check names it)
Exit status: 0 all found files covered, 1 packages missing (all named at once), 2 usage or
tool errors.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent
INSTALL_DEPS = SOURCE / "scripts" / "install-deps.sh"

# Things CMake's own find modules look for but the build does not need: they are found when
# present and quietly left out when not, so a fresh machine without them configures fine.
# Each entry: (cache key pattern, why it is optional).
OPTIONAL_FINDS = [
    (r"^OPENGL_glu_LIBRARY$", "FindOpenGL looks for GLU too; Qt and StarLocus never link it"),
    (r"^OPENGL_xmesa_INCLUDE_DIR$", "FindOpenGL's optional xmesa header"),
    (r"^XKB_INCLUDE_DIR$", "Qt's optional xkbcommon probe"),
]
# Directories every Debian system has; a file CMake found "in" one says nothing by itself.
GENERIC_DIRS = {"/", "/usr", "/usr/include", "/usr/lib", "/usr/local", "/usr/share",
                "/usr/lib/x86_64-linux-gnu", "/usr/bin", "/lib", "/bin"}


def die(message):
    print(f"check-deps: {message}", file=sys.stderr)
    sys.exit(2)


def run(cmd, **kw):
    return subprocess.run(cmd, text=True, capture_output=True, **kw)


def listed_packages():
    result = run(["bash", str(INSTALL_DEPS), "--list"])
    if result.returncode != 0:
        die(f"{INSTALL_DEPS} --list failed: {result.stderr.strip()}")
    return [p for p in result.stdout.split() if p]


def strip_arch(name):
    return name.split(":", 1)[0]


def apt_closure(packages):
    """Every package apt would install for `packages` (Depends and Pre-Depends, recursively)."""
    if not packages:
        return set()
    result = run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests",
                  "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances"] + packages)
    if result.returncode != 0:
        die(f"apt-cache depends failed (run apt-get update first?): {result.stderr.strip()}")
    closure = set()
    for line in result.stdout.splitlines():
        if line and not line.startswith(" "):
            closure.add(strip_arch(line.strip().strip("<>")))
    return closure


def base_packages():
    """Debian's base system: what every Debian 12 root has before anything is installed."""
    result = run(["dpkg-query", "-W", "-f", "${Package}\t${Priority}\t${Essential}\n"])
    base = set()
    for line in result.stdout.splitlines():
        name, priority, essential = (line.split("\t") + ["", ""])[:3]
        if priority == "required" or essential == "yes":
            base.add(strip_arch(name))
    return apt_closure(sorted(base)) | base


def configure(build_dir, fresh):
    if fresh and build_dir.exists():
        shutil.rmtree(build_dir)
    query = build_dir / ".cmake" / "api" / "v1" / "query"
    query.mkdir(parents=True, exist_ok=True)
    for kind in ("codemodel-v2", "toolchains-v1"):
        (query / kind).touch()
    args = ["cmake", "-S", str(SOURCE), "-B", str(build_dir), "-G", "Ninja",
            "-DCMAKE_BUILD_TYPE=Release"]
    if fresh:
        # Every feature the project can build, so every dependency is looked for.
        args += ["-DSTARLOCUS_BUILD_GUI=ON", "-DSTARLOCUS_BUILD_TESTS=ON",
                 "-DSTARLOCUS_BUILD_BENCH=ON"]
    result = run(args)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        die(f"configuring {build_dir} failed: a package is missing on THIS machine too; "
            "run scripts/install-deps.sh, then read CMake's message above")


def outside(path, build_dir):
    p = str(path)
    return p.startswith("/") and not p.startswith(str(SOURCE) + "/") and \
        not p.startswith(str(build_dir) + "/") and p != str(SOURCE)


def cache_paths(build_dir):
    """(path, cache key) for every absolute path in CMakeCache.txt outside the trees."""
    found = []
    optional = [re.compile(pattern) for pattern, _ in OPTIONAL_FINDS]
    for line in (build_dir / "CMakeCache.txt").read_text().splitlines():
        m = re.match(r"^([^#/][^:=]*):([A-Z]+)=(.*)$", line)
        if not m:
            continue
        key, _type, value = m.groups()
        if key.startswith("CMAKE_INSTALL_") or key in ("CMAKE_HOME_DIRECTORY", "CMAKE_ROOT"):
            continue
        if any(rx.search(key) for rx in optional):
            continue
        for item in value.split(";"):
            if not outside(item, build_dir) or item.endswith("-NOTFOUND"):
                continue
            path = Path(item)
            if key.endswith("_DIR") and path.is_dir():
                # A package configuration directory: what counts is its Config file.
                configs = [f for f in path.iterdir()
                           if re.search(r"([Cc]onfig|-config)\.cmake$", f.name)]
                found += [(str(f), key) for f in configs] or [(item, key)]
            elif path.exists():
                found.append((item, key))
    return found


def file_api_paths(build_dir):
    """Include directories and libraries of every target, from CMake's file API reply."""
    reply = build_dir / ".cmake" / "api" / "v1" / "reply"
    found = []
    if not reply.is_dir():
        return found
    for index in reply.glob("target-*.json"):
        target = json.loads(index.read_text())
        name = target.get("name", "?")
        for group in target.get("compileGroups", []):
            for inc in group.get("includes", []):
                if outside(inc["path"], build_dir):
                    found.append((inc["path"], f"include directory of {name}"))
        for fragment in target.get("link", {}).get("commandFragments", []):
            text = fragment.get("fragment", "")
            if fragment.get("role") == "libraries" and outside(text, build_dir) \
                    and Path(text).exists():
                found.append((text, f"library of {name}"))
    for toolchains in reply.glob("toolchains-*.json"):
        for tool in json.loads(toolchains.read_text()).get("toolchains", []):
            path = tool.get("compiler", {}).get("path")
            if path:
                found.append((path, f"{tool.get('language', '?')} compiler"))
            for inc in tool.get("compiler", {}).get("implicit", {}).get("includeDirectories", []):
                found.append((inc, "compiler's implicit include directory"))
    return found


def after_build_paths(build_dir):
    """Every header the compiler read and every shared library the built programs load."""
    found = []
    deps = run(["ninja", "-C", str(build_dir), "-t", "deps"])
    if deps.returncode != 0:
        die(f"ninja -t deps in {build_dir} failed: {deps.stderr.strip()}")
    headers = {line.strip() for line in deps.stdout.splitlines() if line.startswith("    /")}
    found += [(h, "header read by the compiler") for h in sorted(headers) if outside(h, build_dir)]
    for exe in build_dir.rglob("*"):
        if not exe.is_file() or not os.access(exe, os.X_OK) or exe.suffix in (".sh", ".py"):
            continue
        with open(exe, "rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
        for line in run(["ldd", str(exe)]).stdout.splitlines():
            m = re.search(r"=> (/\S+)", line)
            if m and outside(m.group(1), build_dir):
                found.append((m.group(1), f"shared library of {exe.name}"))
    return found


def usr_merge_variants(path):
    """Debian 12 is /usr-merged: dpkg may know a file by its /lib or /usr/lib name."""
    variants = [path]
    real = os.path.realpath(path)
    if real != path:
        variants.append(real)
    for p in list(variants):
        for a, b in (("/usr/lib/", "/lib/"), ("/usr/bin/", "/bin/"), ("/usr/sbin/", "/sbin/")):
            if p.startswith(a):
                variants.append(b + p[len(a):])
            elif p.startswith(b):
                variants.append(a + p[len(b):])
    return list(dict.fromkeys(variants))


def owners_of(paths):
    """path -> set of owning packages (empty when no package owns it). The path as CMake gave
    it counts first (libhdf5.so, a symlink, belongs to libhdf5-dev, not to the runtime
    library it points at); its /usr-merge twin or resolved target only when dpkg has no owner."""
    variants = {p: usr_merge_variants(p) for p in paths}
    names = sorted({v for vs in variants.values() for v in vs})
    owner_of_name = {}
    for start in range(0, len(names), 500):
        result = run(["dpkg", "-S"] + names[start:start + 500])
        for line in result.stdout.splitlines():
            if line.startswith("diversion by"):
                continue
            m = re.match(r"^(.+?): (/.*)$", line)
            if m:
                pkgs, path = m.groups()
                owner_of_name.setdefault(path, set()).update(
                    strip_arch(x.strip()) for x in pkgs.split(","))
    owners = {}
    for p, vs in variants.items():
        owners[p] = next((owner_of_name[v] for v in vs if v in owner_of_name), set())
    return owners


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", type=Path)
    parser.add_argument("--after-build", action="store_true")
    parser.add_argument("--drop", action="append", default=[])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    for tool in ("cmake", "dpkg", "apt-cache", "dpkg-query"):
        if not shutil.which(tool):
            die(f"{tool} not found: this check runs on Debian")

    listed = listed_packages()
    for name in args.drop:
        if name not in listed:
            die(f"--drop {name}: not in {INSTALL_DEPS.name}'s list")
    kept = [p for p in listed if p not in args.drop]
    provided = apt_closure(kept) | base_packages()

    fresh = args.build_dir is None
    build_dir = (args.build_dir or SOURCE / "build" / "check-deps").resolve()
    if fresh or not (build_dir / "CMakeCache.txt").exists() or \
            not (build_dir / ".cmake" / "api" / "v1" / "reply").is_dir():
        configure(build_dir, fresh)

    found = cache_paths(build_dir) + file_api_paths(build_dir)
    if args.after_build:
        found += after_build_paths(build_dir)
    why = {}
    for path, reason in found:
        why.setdefault(path, reason)
    owners = owners_of(sorted(why))

    missing = {}      # package -> example paths
    unowned = []
    for path in sorted(why):
        pkgs = owners[path]
        if not pkgs:
            if path.rstrip("/") in GENERIC_DIRS or Path(path).is_dir():
                continue  # a directory no package claims says nothing about a dependency
            unowned.append(path)
        elif not pkgs & provided:
            if path.rstrip("/") in GENERIC_DIRS:
                continue
            label = " or ".join(sorted(pkgs))
            missing.setdefault(label, []).append(f"{path} ({why[path]})")
        elif args.verbose:
            print(f"  ok  {path}  <- {', '.join(sorted(pkgs & provided))}")

    used = set().union(*(owners[p] & provided for p in owners)) if owners else set()
    dropped = f" (without {', '.join(args.drop)})" if args.drop else ""
    if not missing and not unowned:
        print(f"check-deps: {len(why)} files the build found outside the tree come from "
              f"{len(used)} packages; each is installed by {INSTALL_DEPS.name}'s "
              f"{len(kept)} packages{dropped} or the base system")
        return 0
    for label, paths in sorted(missing.items()):
        print(f"check-deps: MISSING from {INSTALL_DEPS.name}{dropped}: {label}")
        for p in paths[:3]:
            print(f"    needed for {p}")
        if len(paths) > 3:
            print(f"    … and {len(paths) - 3} more files")
    for path in unowned:
        print(f"check-deps: NOT FROM A DEBIAN PACKAGE: {path} ({why[path]}); "
              "a fresh machine will not have it")
    print(f"check-deps: {len(missing)} package(s) missing, {len(unowned)} file(s) from no package")
    return 1


if __name__ == "__main__":
    sys.exit(main())
