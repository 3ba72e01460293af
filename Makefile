# tokenwarden — the two set-up commands are `make scan` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo)
RELEASE_BIN := .build/release/tokenwarden
DEMO := Fixtures/demo

.PHONY: deps build release scan test rules-check rules-doc bench clean

# libpcre2-8 comes from the system: install it (and pkg-config) when pkg-config cannot find it.
deps:
	@if pkg-config --exists libpcre2-8 2>/dev/null; then :; else \
		echo "make: installing libpcre2-dev and pkg-config with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libpcre2-dev pkg-config >/dev/null && \
		pkg-config --exists libpcre2-8; \
	fi

build: deps
	$(SWIFT) build

# Static Swift runtime: a self-contained binary that starts in a few milliseconds.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

# Scans the demo project with the embedded rules. Exit 1 (findings) is the expected result here.
scan: release
	@$(RELEASE_BIN) scan $(DEMO); rc=$$?; \
	if [ $$rc -gt 1 ]; then echo "make: scan failed with exit $$rc"; exit $$rc; fi; \
	echo "make: demo scan finished (exit $$rc: 1 means it found the planted secrets)"

test: deps
	$(SWIFT) test

rules-check: build
	.build/debug/tokenwarden rules check

# docs/RULES.md is generated from the rules; RuleCatalogTests fails when it is stale.
rules-doc: build
	.build/debug/tokenwarden rules list --format markdown > docs/RULES.md.tmp && mv docs/RULES.md.tmp docs/RULES.md

bench: deps
	bash bench/run.sh

clean:
	rm -rf .build
