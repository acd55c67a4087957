#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Classifies fuzz artifacts: a finding in our code, or a crash of a file library itself
(libhdf5; CFITSIO and expat for the table readers).

triage.py FUZZER ARTIFACT... [--examples DIR]
Re-runs FUZZER on each artifact alone (full malloc stacks), reads the sanitizer or libFuzzer
report and applies the rule of docs/RELIABILITY.md:
  * "starlocus-fuzz finding:" (an unexpected exception or a broken promise of a load),
    any UBSan "runtime error:", and any ASan report on memory our code allocated -> ours;
  * otherwise the first stack frame that is neither sanitizer/libFuzzer runtime nor a
    system library (libc, libstdc++, libz, libsz) decides: libhdf5, libcfitsio or libexpat ->
    that library, else ours;
  * a leak is ours when our code called the libhdf5 function that handed out the memory
    (H5Aread/H5Dread of variable-length data, H5Tget_member_name, ...), else libhdf5's.
Prints one line per artifact and exits 1 when any artifact is ours. With --examples, copies
the smallest artifact of each distinct library kind there.
"""
import os
import re
import shutil
import subprocess
import sys
import time

FRAME = re.compile(r"^\s*#(\d+) 0x[0-9a-f]+ in (.*?) (\S+?)(?::(\d+))?(?::\d+)?$|^\s*#(\d+) 0x[0-9a-f]+ +\((\S+)\+0x")
# glibc's own entry points of the string functions (__memcpy_avx512_unaligned_erms, ...) count
# as the runtime too: the frame that called them decides.
RUNTIME = re.compile(r"__asan|__ubsan|__sanitizer|__lsan|__interceptor|^__(mem|str|wmem)|^(malloc|calloc|realloc|free|operator new|"
                     r"operator delete|memcpy|memmove|memset|strlen|strdup|abort|raise|__GI_|__libc|main$)|fuzzer::|"
                     r"LLVMFuzzer|^std::__throw|^__cxa")
SYSTEM_LIB = re.compile(r"/(libc|libm|libstdc\+\+|libgcc_s|libz|libsz|libaec|libpthread|ld-linux)[.-]")
HANDS_OUT = re.compile(r"^(H5Aread|H5Dread|H5Tget_member_name|H5Iget_name|H5Aget_name|H5Fget_name|H5Tget_tag)")
LIBRARIES = ("libhdf5", "libcfitsio", "libexpat")
# A relative source path, as glibc's frames symbolise ("nptl/./nptl/pthread_kill.c:43"); not the
# build ID that ends an unsymbolised frame's line.
GLIBC_SOURCE = re.compile(r"^(\.\.?/)?[A-Za-z0-9_]+/[^ ]*\.[chS](:\d+)?$")
OUR_SOURCE = re.compile(r"/(core|fuzz|app|ui)/[^:]+\.(cpp|h)")


def frames(block):
    out = []
    for line in block.splitlines():
        # "(BuildId: …)" ends an unsymbolised frame's line: without it the module is the
        # frame's place ("(/lib/…/libcfitsio.so.10+0x71f2c)").
        line = re.sub(r" \(BuildId: [0-9a-f]+\)$", "", line)
        m = FRAME.match(line)
        if not m:
            if out and not line.strip().startswith("#"):
                break
            continue
        if m.group(1) is not None:
            out.append({"func": m.group(2).split(" (")[0], "where": m.group(3) + (":" + m.group(4) if m.group(4) else "")})
        else:
            out.append({"func": "", "where": m.group(6)})
    return out


def is_runtime(f):
    return bool(RUNTIME.search(f["func"])) or "libclang_rt" in f["where"] or "compiler-rt" in f["where"]


def library_of(f):
    """The file library a frame belongs to, or None for ours."""
    if "libhdf5" in f["where"] or f["func"].startswith("H5"):
        return "libhdf5"
    for name in ("libcfitsio", "libexpat"):
        if name in f["where"]:
            return name
    return None


def is_hdf5(f):
    return library_of(f) is not None


def is_system(f):
    # A frame symbolised to glibc's sources ("string/../sysdeps/...", "nptl/./nptl/pthread_kill.c",
    # "debug/./debug/fortify_fail.c": relative paths, where ours and the sanitizers' are absolute)
    # is libc's.
    where = f["where"]
    return (bool(SYSTEM_LIB.search(where)) or "/include/c++/" in where or "sysdeps/" in where
            or bool(GLIBC_SOURCE.match(where)))


def ours_where(stack):
    for f in stack:
        if OUR_SOURCE.search(f["where"]):
            return f["func"].split("(")[0] + " " + re.sub(r".*/((core|fuzz|app|ui)/)", r"\1", f["where"])
    return "?"


def first_deciding(stack):
    for f in stack:
        # A file library's frame decides even where its line also looks like a system frame.
        if library_of(f) is not None or (not is_runtime(f) and not is_system(f)):
            return f
    return None


def error_and_stack(report):
    """The sanitizer's or libFuzzer's ERROR line (a match, or None), the text after it, and the
    stack that follows it."""
    m = re.search(r"ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): ([^\n(]*)", report)
    if not m:
        return None, "", []
    body = report[m.end():]
    return m, body, frames(body[body.find("#0"):])


def classify(report):
    """Returns (class, kind, where)."""
    m = re.search(r"starlocus-fuzz finding: (.*)", report)
    if m:
        after = report[m.end():]
        return "ours", "finding: " + m.group(1)[:160], ours_where(frames(after[after.find("#0"):]))
    m = re.search(r"(\S+:\d+:\d+): runtime error: (.*)", report)
    if m:
        return "ours", "UBSan: " + m.group(2)[:120], re.sub(r".*/((core|fuzz)/)", r"\1", m.group(1))
    m, body, stack = error_and_stack(report)
    if not m:
        return "none", "no report", ""
    kind = m.group(1) + ": " + re.sub(r" on (unknown )?address.*| 0x[0-9a-f]+.*", "", m.group(2)).strip()
    if m.group(1) == "libFuzzer" and m.group(2).startswith("out-of-memory") and first_deciding(stack) is None:
        # An RSS report lists the live heap, biggest first: libFuzzer's own buffers lead; the
        # first allocation that is not the runtime's decides.
        stack = [f for block in re.split(r"\n\d+ byte\(s\)", body) for f in frames(block[block.find("#0"):])]
    if m.group(1) == "LeakSanitizer":
        for k, f in enumerate(stack):
            if HANDS_OUT.match(f["func"]) and k + 1 < len(stack) and OUR_SOURCE.search(stack[k + 1]["where"]):
                return "ours", kind + " (memory handed out by " + f["func"] + ")", ours_where(stack)
        first = first_deciding(stack)
        if first is None or is_hdf5(first):
            return (library_of(first) if first else "libhdf5"), kind + " in " + (first["func"] or first["where"] if first else "?"), ours_where(stack)
        return "ours", kind, ours_where(stack)
    alloc = re.search(r"allocated by thread \S+ here:\n", report)
    if alloc:
        first = first_deciding(frames(report[alloc.end():]))
        if first is not None and not is_hdf5(first):
            return "ours", kind + " (buffer of our code)", ours_where(frames(report[alloc.end():])) + \
                " / accessed at " + ours_where(stack)
    first = first_deciding(stack)
    if first is not None and is_hdf5(first):
        return library_of(first), kind + " in " + (first["func"] or os.path.basename(first["where"])), ours_where(stack)
    return "ours", kind, ours_where(stack)


def run(fuzzer, artifact):
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":fast_unwind_on_malloc=0:symbolize=1"
    env.setdefault("ASAN_SYMBOLIZER_PATH", shutil.which("llvm-symbolizer") or "/usr/lib/llvm-14/bin/llvm-symbolizer")
    try:
        # An explicit malloc limit makes libFuzzer print the stack of the one huge allocation
        # (without it an out-of-memory report lists only the live heap: libFuzzer's own buffers),
        # and the roomier RSS limit lets that allocation, not the slow growth before it, stop the run.
        # A time-out is replayed with the run's limit (STARLOCUS_FUZZ_TIMEOUT, set by scripts/fuzz.sh):
        # an input our code was too slow on must time out again, not pass as "does not reproduce"
        # (the replay, with slow malloc stacks, is slower than the run). Other artifacts get 25 s.
        limit = os.environ.get("STARLOCUS_FUZZ_TIMEOUT", "25") if os.path.basename(artifact).startswith("timeout-") else "25"
        p = subprocess.run([fuzzer, "-timeout=" + limit, "-rss_limit_mb=4096", "-malloc_limit_mb=2048", artifact], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        return -1, (e.stdout or b"").decode("utf-8", "replace") + "\nERROR: libFuzzer: timeout (triage)"


GDB_FRAME = re.compile(r"^#(\d+)\s+(?:0x[0-9a-f]+ in )?(.+?) \(.*?\)(?: (?:at|from) (\S+))?$")


def gdb_frames(fuzzer, artifact, env, after=None):
    """The stack read with gdb, as report lines; None without gdb or when there was no stack.

    after=N: the stack of a replay still running N seconds in (a time-out). A time-out inside
    libhdf5 often prints an empty stack (libFuzzer's unwinder stops in the library's frames).
    after=None: the stack where the replay gets its deadly signal (gdb stops before the
    sanitizer's handler runs). A signal raised where the in-process unwinder cannot go on
    (a jump through a damaged function pointer, an abort under frames without unwind tables)
    leaves libFuzzer's report with no frame past its own handler; gdb unwinds from the signal."""
    gdb = shutil.which("gdb")
    if not gdb:
        return None
    command = [fuzzer, "-timeout=600", "-rss_limit_mb=4096", artifact]
    if after is None:
        try:
            bt = subprocess.run([gdb, "-batch", "-nx", "-ex", "set startup-with-shell off", "-ex", "run",
                                 "-ex", "bt 64", "--args"] + command, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                timeout=300).stdout.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            return None
        # Only the backtrace after the stop: the program's own output comes before it.
        # ("Program received signal SIGABRT" or 'Thread 1 "fuzz_…" received signal SIGILL').
        stop = re.search(r"^.*received signal SIG", bt, re.M)
        if not stop:
            return None
        bt = bt[stop.start():]
    else:
        p = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(after)
            if p.poll() is not None:
                return None
            bt = subprocess.run([gdb, "-p", str(p.pid), "-batch", "-ex", "bt 64"], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, timeout=120).stdout.decode("utf-8", "replace")
        finally:
            p.kill()
            p.wait()
    lines = []
    for line in bt.splitlines():
        m = GDB_FRAME.match(line)
        if m:
            func = m.group(2).split(" (")[0]
            lines.append("    #%s 0x0 in %s %s" % (m.group(1), "" if func == "??" else func, m.group(3) or "?"))
    return "\n".join(lines) or None


# Reports cut down from real triages: each must keep its class (python3 fuzz/triage.py
# --self-test; scripts/fuzz.sh runs it before fuzzing).
SELF_TEST = [
    ("libhdf5", "==1==ERROR: AddressSanitizer: requested allocation size 0xc000 exceeds maximum\n"
                "    #0 0x55 in malloc (/w/build/fuzz/fuzz/fuzz_model_file+0x20daee) (BuildId: fa9f)\n"
                "    #1 0x7f in H5FL_blk_malloc (/lib/x86_64-linux-gnu/libhdf5_serial.so.103+0x123) (BuildId: 7a1b)\n"
                "    #2 0x7f in H5C_protect (/lib/x86_64-linux-gnu/libhdf5_serial.so.103+0x456) (BuildId: 7a1b)\n"
                "    #3 0x55 in starlocus::core::hdf5::openGroup(long) /w/core/io/hdf5_handle.cpp:101:14\n"),
    ("libcfitsio", "==2== ERROR: libFuzzer: deadly signal\n"
                   "    #0 0x55 in __sanitizer_print_stack_trace (/w/fuzz_fits_table+0xffe71) (BuildId: 7ef4)\n"
                   "    #3 0x7f  (/lib/x86_64-linux-gnu/libc.so.6+0x3c04f) (BuildId: 93ac)\n"
                   "    #4 0x7f in __pthread_kill_implementation nptl/./nptl/pthread_kill.c:43:17\n"
                   "    #8 0x7f in __fortify_fail debug/./debug/fortify_fail.c:26:5\n"
                   "    #10 0x7f in __strcpy_chk debug/./debug/strcpy_chk.c:30:5\n"
                   "    #11 0x7f in ffgtbp (/lib/x86_64-linux-gnu/libcfitsio.so.10+0x71f2c) (BuildId: e67c)\n"
                   "    #17 0x56 in starlocus::core::table::FitsTableReader::moveToTable() /w/core/table/fits_table_reader.cpp:98:13\n"),
    ("ours", "==3==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6\n"
             "    #0 0x55 in starlocus::core::readStar(int) /w/core/io/green2020_catalog.cpp:40:3\n"
             "    #1 0x55 in LLVMFuzzerTestOneInput /w/fuzz/targets/fuzz_green2020_catalog.cpp:12:5\n"),
    ("libhdf5", "==5== ERROR: libFuzzer: out-of-memory (malloc(18522046464))\n"
                "    #0 0x55 in __sanitizer_print_stack_trace (/w/fuzz_model_file+0x217bd1) (BuildId: fa9f)\n"
                "    #2 0x55 in fuzzer::Fuzzer::HandleMalloc(unsigned long) (/w/fuzz_model_file+0x16f035) (BuildId: fa9f)\n"
                "    #4 0x55 in __sanitizer::RunMallocHooks(void const*, unsigned long) (/w/fuzz_model_file+0x21f057)\n"
                "    #5 0x55 in __asan::Allocator::Allocate(unsigned long) (/w/fuzz_model_file+0x18d754) (BuildId: fa9f)\n"
                "    #7 0x55 in malloc (/w/fuzz_model_file+0x20db4d) (BuildId: fa9f)\n"
                "    #8 0x7f in H5C_protect (/lib/x86_64-linux-gnu/libhdf5_serial.so.103+0x8d9c9) (BuildId: e923)\n"
                "    #12 0x55 in starlocus::core::hdf5::openGroup(long) /w/core/io/hdf5_handle.cpp:101:14\n"),
    ("libhdf5", "==6== ERROR: libFuzzer: out-of-memory (used: 2255Mb; limit: 2048Mb)\n"
                "Live Heap Allocations: 25241324 bytes in 3454 chunks; showing top 9\n"
                "20971840 byte(s) (83%) in 1 allocation(s)\n"
                "    #0 0x55 in operator new(unsigned long) (/w/fuzz_model_file+0x24889d) (BuildId: fa9f)\n"
                "    #1 0x55 in fuzzer::FuzzerDriver(int*, char***) (/w/fuzz_model_file+0x1605dd) (BuildId: fa9f)\n"
                "    #2 0x55 in main (/w/fuzz_model_file+0x18ad62) (BuildId: fa9f)\n"
                "    #3 0x7f in __libc_start_call_main csu/../sysdeps/nptl/libc_start_call_main.h:58:16\n"
                "833267 byte(s) (3%) in 2197 allocation(s)\n"
                "    #0 0x55 in malloc (/w/fuzz_model_file+0x20daee) (BuildId: fa9f)\n"
                "    #1 0x7f  (/lib/x86_64-linux-gnu/libhdf5_serial.so.103+0x1233e4) (BuildId: e923)\n"),
    ("libhdf5", "==7== ERROR: libFuzzer: timeout after 3 seconds\n(stack read with gdb)\n"
                "    #0 0x0 in __memset_avx512_unaligned_erms ../sysdeps/x86_64/multiarch/memset-vec-unaligned-erms.S:377\n"
                "    #3 0x0 in malloc ?\n"
                "    #4 0x0 in  /lib/x86_64-linux-gnu/libhdf5_serial.so.103\n"
                "    #8 0x0 in H5C_protect /lib/x86_64-linux-gnu/libhdf5_serial.so.103\n"
                "    #14 0x0 in H5Lexists /lib/x86_64-linux-gnu/libhdf5_serial.so.103\n"
                "    #15 0x0 in starlocus::core::hdf5::exists ../../core/io/hdf5_handle.cpp:80\n"),
    # A deadly signal whose in-process report stopped at libFuzzer's handler, read with gdb.
    ("libhdf5", "==8== ERROR: libFuzzer: deadly signal\n(stack read with gdb)\n"
                "    #0 0x0 in __pthread_kill_implementation ./nptl/pthread_kill.c:44\n"
                "    #2 0x0 in raise ../sysdeps/posix/raise.c:26\n"
                "    #3 0x0 in abort ./stdlib/abort.c:79\n"
                "    #4 0x0 in H5O__chunk_deserialize /lib/x86_64-linux-gnu/libhdf5_serial.so.103\n"
                "    #9 0x0 in starlocus::core::hdf5::openDataset /w/core/io/hdf5_handle.cpp:90\n"),
    ("ours", "==9== ERROR: libFuzzer: deadly signal\n(stack read with gdb)\n"
             "    #0 0x0 in __pthread_kill_implementation ./nptl/pthread_kill.c:44\n"
             "    #3 0x0 in abort ./stdlib/abort.c:79\n"
             "    #4 0x0 in  /lib/x86_64-linux-gnu/libstdc++.so.6\n"
             "    #5 0x0 in std::terminate() /lib/x86_64-linux-gnu/libstdc++.so.6\n"
             "    #6 0x0 in __cxa_throw /lib/x86_64-linux-gnu/libstdc++.so.6\n"
             "    #7 0x0 in starlocus::core::readDensityGrid /w/core/diagnostics/density_grid_file.cpp:120\n"),
    ("ours", "==4== ERROR: libFuzzer: deadly signal\n"
             "    #4 0x7f in __pthread_kill_implementation nptl/./nptl/pthread_kill.c:43:17\n"
             "    #6 0x7f in abort stdlib/./stdlib/abort.c:79:7\n"
             "    #7 0x55 in starlocus::fuzz::reportFinding() /w/fuzz/support/expected_failure.cpp:20:5\n"),
]


def self_test():
    failed = 0
    for want, report in SELF_TEST:
        got = classify(report)
        if got[0] != want:
            failed += 1
            print("triage self-test: %s classified as %s (%s)" % (want, got[0], got[1]))
    print("triage self-test: %d of %d reports classified right" % (len(SELF_TEST) - failed, len(SELF_TEST)))
    return 1 if failed else 0


def main(argv):
    if argv == ["--self-test"]:
        return self_test()
    examples = None
    if "--examples" in argv:
        k = argv.index("--examples")
        examples = argv[k + 1]
        del argv[k:k + 2]
    if len(argv) < 2:
        print(__doc__)
        return 2
    fuzzer, artifacts = argv[0], argv[1:]
    ours = 0
    counts = {}
    hdf5_kinds = {}
    for artifact in artifacts:
        if os.path.getsize(artifact) == 0:
            # libFuzzer writes the unit under test; an empty one means the crash came while
            # no unit ran: inside the custom mutator (libhdf5 walking a damaged image).
            counts["mutator"] = counts.get("mutator", 0) + 1
            print("mutator  %s: crash while mutating, not in a loader (see job-errors.txt)" %
                  os.path.basename(artifact))
            continue
        code, report = run(fuzzer, artifact)
        env = dict(os.environ)
        env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
        if "ERROR: libFuzzer: timeout" in report and "<empty stack>" in report:
            stack = gdb_frames(fuzzer, artifact, env, float(os.environ.get("STARLOCUS_FUZZ_TIMEOUT", "25")))
            if stack:
                report = report.replace("<empty stack>", "(stack read with gdb)\n" + stack)
        elif "ERROR: libFuzzer: deadly signal" in report and first_deciding(error_and_stack(report)[2]) is None:
            stack = gdb_frames(fuzzer, artifact, env)
            if stack:
                error = report.index("ERROR: libFuzzer: deadly signal")
                report = report[:error] + "ERROR: libFuzzer: deadly signal\n(stack read with gdb)\n" + stack + "\n"
        if code == 0:
            cls, kind, where = "gone", "does not reproduce alone", ""
        else:
            cls, kind, where = classify(report)
            if cls == "none":
                cls = "ours"
                kind = "exit code %d without a report" % code
        counts[cls] = counts.get(cls, 0) + 1
        print("%-8s %s: %s%s" % (cls, os.path.basename(artifact), kind, (" at " + where) if where else ""))
        if cls == "ours":
            ours += 1
            # Our frames and the report's headline; with no frame of ours, the whole stack (and
            # what libstdc++ says before an abort), so a CI log alone shows where it came from.
            lines = report.splitlines()
            shown = [l for l in lines if re.match(r"\s*#\d+ .*(/core/|/fuzz/)|.*(ERROR|runtime error|finding)", l)]
            if where in ("", "?"):
                shown = [l for l in lines if re.match(r"\s*#\d+ |.*(ERROR|terminate called|what\(\)|stack read with gdb|signal)", l)][:40]
            sys.stdout.write("".join("    | " + l + "\n" for l in shown)[:4000])
        elif cls in LIBRARIES:
            size = os.path.getsize(artifact)
            if kind not in hdf5_kinds or size < hdf5_kinds[kind][1]:
                hdf5_kinds[kind] = (artifact, size)
    if examples and hdf5_kinds:
        os.makedirs(examples, exist_ok=True)
        for n, (kind, (artifact, _)) in enumerate(sorted(hdf5_kinds.items())):
            name = re.sub(r"[^A-Za-z0-9]+", "-", kind).strip("-").lower()[:60]
            shutil.copy(artifact, os.path.join(examples, name + os.path.splitext(artifact)[1]))
    libraries = ", ".join("%d %s" % (counts[name], name) for name in LIBRARIES if counts.get(name))
    print("triage: %d artifact(s): %d in our code, %s (%d distinct kinds), %d in the mutator, "
          "%d not reproducible alone" % (len(artifacts), ours, libraries or "0 in a library", len(hdf5_kinds),
                                         counts.get("mutator", 0), counts.get("gone", 0)))
    return 1 if ours else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
