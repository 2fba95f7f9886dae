# The README's commands. `make test` is also what CI runs (.ci/run).
SWIFT ?= swift

.PHONY: setup build demo test test-fast test-asan test-valgrind clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

# The full run on the bundled 慈溪 survey: Output/demo/map.svg, GeoJSON, GeoPackage, tables.
demo: setup
	$(SWIFT) build -c release --product sanse
	.build/release/sanse demo

# The full check: the test suite, the same suite under AddressSanitizer/LeakSanitizer, then
# the demo under valgrind's memcheck.
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(MAKE) --no-print-directory test-asan
	$(MAKE) --no-print-directory test-valgrind

test-fast: setup
	$(SWIFT) test

test-asan: setup
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt:print_suppressions=0 \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan

# The demo with the debug build under memcheck: fails on any definite leak or memcheck error.
test-valgrind: setup
	$(SWIFT) build --product sanse
	scripts/valgrind-demo.sh .build/debug/sanse

clean:
	rm -rf .build .build-asan
