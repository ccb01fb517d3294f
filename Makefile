# newsledger: `make` builds a version of the dataset from RAW into OUT; `make test` runs the tests.
RAW ?= raw
OUT ?= out
CLI := bin/newsledger
STAMP := node_modules/.install-stamp

.PHONY: all build install test typecheck ingest clean-text segment extract validate package bench clean distclean help

all: build

help:
	@bin/newsledger --help

# Dependencies, installed exactly from the lockfile; reinstalled when the lockfile changes.
$(STAMP): package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: $(STAMP)

build: $(STAMP)
	$(CLI) build --raw $(RAW) --out $(OUT)

test: $(STAMP)
	npx vitest run

typecheck: $(STAMP)
	npx tsc --noEmit

# One stage at a time (each reads the previous stage's files in $(OUT)/.stages).
# The clean stage's target is clean-text: `make clean` keeps its conventional meaning below.
ingest segment extract validate package: $(STAMP)
	$(CLI) $@ --raw $(RAW) --out $(OUT)

clean-text: $(STAMP)
	$(CLI) clean --raw $(RAW) --out $(OUT)

bench: $(STAMP)
	node --import tsx bench/run.ts

# Removes intermediate stage files only; published version folders are immutable and kept.
clean:
	rm -rf $(OUT)/.stages $(OUT)/.tmp-version-*

distclean: clean
	rm -rf node_modules
