#!/bin/sh
# Builds the libFuzzer targets of the weight readers with clang (ASan + UBSan) in their own
# build folder, then runs each for a bounded time on a copy of its seed corpus. Exits non-zero
# on any finding (crash, leak, sanitizer report, timeout, memory limit).
#
# Kept out of the main CMake build on purpose: that one is built with g++, libFuzzer needs
# clang, and only the weight readers (plus the error types) are compiled here. Debian's
# LibTorch is built with g++ against the same libstdc++ with the new C++11 ABI, so clang
# objects link against it directly; LibTorch itself is not instrumented.
#
# Environment: FUZZ_SECONDS (default 60) per target, BUILD_DIR (default build-fuzz).
set -eu
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build-fuzz}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
CXX=${CXX_FUZZ:-clang++-14}
mkdir -p "$BUILD_DIR/obj"

FLAGS="-std=c++17 -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined
 -fno-sanitize-recover=undefined -D_GLIBCXX_USE_CXX11_ABI=1 -DQT_NO_KEYWORDS
 -I$ROOT/core -I/usr/include/torch/csrc/api/include -w"
LIBS="-L/usr/lib/x86_64-linux-gnu -ltorch -ltorch_cpu -lc10 -Wl,-rpath,/usr/lib/x86_64-linux-gnu"

# The readers under test and what they need; no other part of the core.
SOURCES="mapped_file pickle_reduce pth_reader unpickler unpickler_stack zip_pth_reader safetensors atomic_file"
OBJECTS=""
PIDS=""
for s in $SOURCES; do
    obj="$BUILD_DIR/obj/$s.o"
    # Rebuilt when the source or any weights header is newer; compiled in parallel.
    if [ ! -f "$obj" ] || [ -n "$(find "$ROOT/core/weights" "$ROOT/core/common" -newer "$obj" -name '*.[ch]*' | head -n 1)" ]; then
        echo "compile core/weights/$s.cpp"
        # shellcheck disable=SC2086
        $CXX $FLAGS -c "$ROOT/core/weights/$s.cpp" -o "$obj.tmp" && mv "$obj.tmp" "$obj" &
        PIDS="$PIDS $!"
    fi
    OBJECTS="$OBJECTS $obj"
done
for p in $PIDS; do
    wait "$p"
done

TARGETS="fuzz_unpickler fuzz_pth_zip fuzz_safetensors"
for t in $TARGETS; do
    echo "link $t"
    # shellcheck disable=SC2086
    $CXX $FLAGS "$ROOT/tests/fuzz/$t.cpp" $OBJECTS $LIBS -o "$BUILD_DIR/$t"
done

ASAN_BASE="detect_leaks=1:abort_on_error=1:allocator_may_return_null=1"
export LSAN_OPTIONS="suppressions=$ROOT/tests/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

status=0
for t in $TARGETS; do
    name=${t#fuzz_}
    work="$BUILD_DIR/run-$name"
    rm -rf "$work"
    mkdir -p "$work/corpus" "$work/artifacts"
    cp "$ROOT/tests/fuzz/corpus/$name/"* "$work/corpus/"
    # Only the zip target needs full stacks for its suppression; the slow unwinder costs
    # about a tenth of the executions, so the others keep the fast one.
    if [ "$t" = fuzz_pth_zip ]; then
        export ASAN_OPTIONS="$ASAN_BASE:fast_unwind_on_malloc=0"
    else
        export ASAN_OPTIONS="$ASAN_BASE"
    fi
    echo "fuzz $t for ${FUZZ_SECONDS}s"
    if ! "$BUILD_DIR/$t" "$work/corpus" -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -timeout=10 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/artifacts/" >"$work/log" 2>&1; then
        echo "FINDING in $t: see $work/log and $work/artifacts/"
        tail -n 60 "$work/log"
        status=1
    else
        grep -E "^stat::number_of_executed_units|^Done" "$work/log" || true
    fi
done
exit $status
