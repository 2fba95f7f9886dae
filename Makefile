# The README's commands. `make test` is also what CI runs (.ci/run).
SWIFT ?= swift

.PHONY: setup build demo test test-fast test-asan clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

# The full run on the bundled 慈溪 survey: Output/demo/map.svg, GeoJSON, GeoPackage, tables.
demo: setup
	$(SWIFT) build -c release --product sanse
	.build/release/sanse demo

# The full check: the test suite, then the same suite under AddressSanitizer/LeakSanitizer.
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(MAKE) --no-print-directory test-asan

test-fast: setup
	$(SWIFT) test

test-asan: setup
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt:print_suppressions=0 \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan

clean:
	rm -rf .build .build-asan
