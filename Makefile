# The two commands of the README, and the steps behind them. Every target is idempotent:
# a second run installs nothing, reconfigures nothing and rebuilds only what changed.
#   make demo   install what is missing, build (Release), index samples/, run example searches
#   make test   the whole test suite: the Release build and an ASan+UBSan build, each via ctest

BUILD_DIR ?= build
ASAN_DIR  ?= build-asan
JOBS      ?= $(shell nproc)
CMAKE_FLAGS = -G Ninja -DZHISOU_TESTS=ON -DZHISOU_WERROR=ON

.PHONY: demo test deps build check check-asan bench fuzz format clean

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	@scripts/demo.sh $(BUILD_DIR)/bin/zhisou

check: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

$(ASAN_DIR)/build.ninja: | deps
	cmake -S . -B $(ASAN_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZHISOU_SANITIZE=ON

check-asan: deps $(ASAN_DIR)/build.ninja
	cmake --build $(ASAN_DIR) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(ASAN_DIR) --output-on-failure -j $(JOBS)

test: check check-asan

bench:
	ZHISOU_WITH_PEERS=1 scripts/install-deps.sh
	cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHISOU_BENCH=ON -DZHISOU_TESTS=OFF
	cmake --build build-bench -j $(JOBS)
	@echo "bench programs are in build-bench/bin (see bench/README.md)"

fuzz:
	ZHISOU_WITH_FUZZ=1 scripts/install-deps.sh
	cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZHISOU_FUZZ=ON \
	  -DZHISOU_SANITIZE=ON -DZHISOU_TESTS=OFF -DCMAKE_CXX_COMPILER=clang++
	cmake --build build-fuzz -j $(JOBS)

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) build-bench build-fuzz
