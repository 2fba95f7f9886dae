# The README's commands. `make test` is also what CI runs (.ci/run).
SWIFT ?= swift

.PHONY: setup build test test-fast test-asan clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

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
