# tokenwarden — the two set-up commands are `make scan` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo)
RELEASE_BIN := .build/release/tokenwarden
DEMO := Fixtures/demo

.PHONY: deps build release scan test rules-check rules-doc bench format lint clean

# libpcre2-8 and zlib come from the system: install them (and pkg-config) when pkg-config cannot find them.
deps:
	@if pkg-config --exists libpcre2-8 zlib 2>/dev/null; then :; else \
		echo "make: installing libpcre2-dev, zlib1g-dev and pkg-config with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libpcre2-dev zlib1g-dev pkg-config >/dev/null && \
		pkg-config --exists libpcre2-8 zlib; \
	fi

build: deps
	$(SWIFT) build

# Static Swift runtime: a self-contained binary that starts in a few milliseconds.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product tokenwarden

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

# swift format ships with the Swift toolchain (swift-format next to swift; `swift format` runs it).
# Configuration: .swift-format (4-space indent, 140 columns, #if bodies not indented, as the code is
# written). Rules turned off there, because they fight deliberate idioms of this code base:
#   DoNotUseSemicolons             one-line bodies such as `guard … else { out.append(c); i += 1; continue }`
#                                  in the byte-scanning loops; splitting them would turn ~50 of them into multi-line blocks.
#   OneVariableDeclarationPerLine  paired counters and accumulators (`var best = 0, run = 0`).
#   OneCasePerLine                 compact enums with raw values (`case valid, expiringSoon = "expiring-soon", expired`).
#   AlwaysUseLowerCamelCase        `where_` mirrors the rule files' `where:` key (a Swift keyword); lint-only, format cannot fix it.
#   ReplaceForEachWithForLoop      `defer { argv.forEach { free($0) } }` and passing a function to forEach read better
#                                  than a loop; lint-only.
# Left at their defaults (off): NeverForceUnwrap, NeverUseForceTry, AllPublicDeclarationsHaveDocumentation,
# UseEarlyExits and the documentation-comment checks. Paths: every Swift file of the package and of the fuzz
# package; hidden directories (.build, fuzz/.build, where the embedded-rules plugin writes its generated code)
# are skipped by swift format itself. bench/ and Fixtures/ hold no Swift.
SWIFT_FORMAT ?= $(SWIFT) format
FORMAT_PATHS := Package.swift Sources Tests fuzz
SWIFT_FORMAT_CHECK = @$(SWIFT_FORMAT) --version >/dev/null 2>&1 || { \
	echo "make: '$(SWIFT_FORMAT)' not found: it ships with Swift 6 toolchains (usr/bin/swift-format beside swift)"; exit 2; }

# Rewrites the Swift files in place with the checked-in configuration.
format:
	$(SWIFT_FORMAT_CHECK)
	$(SWIFT_FORMAT) format --in-place --recursive --parallel $(FORMAT_PATHS)

# Exits non-zero on any finding (--strict makes warnings fail), formatting included. `make format` fixes
# the formatting findings; the few lint-only rules (names, `=` inside expressions, retroactive conformances, …) need a hand edit.
lint:
	$(SWIFT_FORMAT_CHECK)
	$(SWIFT_FORMAT) lint --strict --recursive --parallel $(FORMAT_PATHS)

clean:
	rm -rf .build
