# The two commands of the README (make serve, make test) and the developer targets around them.
# Variables: PORT (8080), HOST (127.0.0.1), DB (var/db), SANITIZE=1, WERROR=1, BUILD (build dir).
PORT ?= 8080
HOST ?= 127.0.0.1
DB ?= var/db
SANITIZE ?=
WERROR ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

ifeq ($(SANITIZE),1)
BUILD ?= build-asan
BUILD_TYPE ?= RelWithDebInfo
else
BUILD ?= build
BUILD_TYPE ?= Release
endif
CMAKE_FLAGS := -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
  -DREADOUTS_SANITIZE=$(if $(filter 1,$(SANITIZE)),ON,OFF) \
  -DREADOUTS_WERROR=$(if $(filter 1,$(WERROR)),ON,OFF)

.PHONY: all deps deps-test build programs index serve test bench format check-format clean

all: build

deps:
	@tools/install-deps.sh build

deps-test:
	@tools/install-deps.sh test

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) > /dev/null
	cmake --build $(BUILD) -j $(JOBS)

# What `make serve` needs: the two programs only (not the tests and benchmarks).
programs: deps $(BUILD)/CMakeCache.txt
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) > /dev/null
	cmake --build $(BUILD) -j $(JOBS) --target readouts-index readouts-server

index: programs
	@mkdir -p $(dir $(DB))
	@if [ -d $(DB) ] && $(BUILD)/readouts-index stats --db $(DB) 2>&1 >/dev/null | grep -q "schema version"; then \
	  echo "readouts: $(DB) was written by another schema version: moving it to $(DB).old, indexing corpus/ again"; \
	  rm -rf $(DB).old && mv $(DB) $(DB).old; fi
	$(BUILD)/readouts-index add --db $(DB) corpus

serve: index
	@echo "readouts: serving $(DB) at http://$(HOST):$(PORT)/"
	exec $(BUILD)/readouts-server --db $(DB) --host $(HOST) --port $(PORT)

test: deps-test build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)

bench: deps-test build
	@if [ -x bench/run.sh ]; then bench/run.sh $(BUILD); else echo "no bench/run.sh yet"; exit 1; fi

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

check-format:
	git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror

clean:
	rm -rf build build-asan build-fuzz
