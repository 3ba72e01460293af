# tokenwarden — the two set-up commands are `make scan` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo)
RELEASE_BIN := .build/release/tokenwarden
DEMO := Fixtures/demo
# The one version constant lives in Sources/TokenWarden/Version.swift; dist names the tarball after it.
VERSION := $(shell sed -n 's/^ *public static let current = "\(.*\)"$$/\1/p' Sources/TokenWarden/Version.swift)
DIST_NAME := tokenwarden-$(VERSION)-linux-$(shell uname -m)
DIST_DIR := dist/$(DIST_NAME)
PREFIX ?= /usr/local
STATIC_LIBS := .build/static-libs

.PHONY: deps static-libs build release scan test rules-check rules-doc bench format lint clean \
	man completions dist dist-check install install-files hook-check

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

# The module maps link -lpcre2-8 and -lz, and SwiftPM takes the linker's search path from pkg-config.
# For the release build, PKG_CONFIG_PATH names .pc files of our own (in $(STATIC_LIBS)/pkgconfig) whose
# only -L is a directory holding just the two static archives, so both resolve to the .a files and the
# release binary needs nothing but the C runtime (libc, libm, libstdc++, libgcc_s); .ci/dist-check.sh
# checks its NEEDED entries. The debug build keeps the shared libraries (faster links).
static-libs: deps
	@mkdir -p $(STATIC_LIBS)/pkgconfig
	@for lib in libpcre2-8:pcre2-8 zlib:z; do \
		pc=$${lib%%:*} name=$${lib#*:}; \
		archive="$$(pkg-config --variable=libdir $$pc)/lib$$name.a"; \
		if [ ! -f "$$archive" ]; then echo "make: $$archive not found: the static library comes with libpcre2-dev and zlib1g-dev"; exit 2; fi; \
		ln -sf "$$archive" $(STATIC_LIBS)/; \
		printf 'Name: %s\nDescription: %s, static archive only (tokenwarden release build)\nVersion: %s\nLibs: -L%s -l%s\nCflags: %s\n' \
			"$$pc" "$$pc" "$$(pkg-config --modversion $$pc)" "$(abspath $(STATIC_LIBS))" "$$name" "$$(pkg-config --cflags $$pc)" \
			> $(STATIC_LIBS)/pkgconfig/$$pc.pc; \
	done

# Static Swift runtime and static PCRE2/zlib: a self-contained binary that starts in a few milliseconds.
release: static-libs
	PKG_CONFIG_PATH=$(abspath $(STATIC_LIBS))/pkgconfig $(SWIFT) build -c release --static-swift-stdlib --product tokenwarden

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

# The man page comes from swift-argument-parser's generate-manual plugin, run on the debug build (the
# text is the same as the release binary's; a release-configuration run would rebuild .build/release
# without the static flags above).
MAN_PAGE := .build/plugins/GenerateManual/outputs/tokenwarden/tokenwarden.1
man: deps
	$(SWIFT) package generate-manual --configuration debug

# Shell completions, from ArgumentParser's --generate-completion-script.
completions: release
	@mkdir -p .build/completions
	$(RELEASE_BIN) --generate-completion-script bash > .build/completions/tokenwarden.bash
	$(RELEASE_BIN) --generate-completion-script zsh > .build/completions/_tokenwarden
	$(RELEASE_BIN) --generate-completion-script fish > .build/completions/tokenwarden.fish

# dist/tokenwarden-VERSION-linux-ARCH.tar.gz and its .sha256: one directory laid out as an install prefix
# (bin/, share/man, share/bash-completion, share/zsh, share/fish) plus README.md and LICENSE.
dist: release man completions
	rm -rf $(DIST_DIR) dist/$(DIST_NAME).tar.gz dist/$(DIST_NAME).tar.gz.sha256
	$(MAKE) --no-print-directory install-files PREFIX=$(abspath $(DIST_DIR))
	cp README.md $(DIST_DIR)/
	@if [ -f LICENSE ]; then cp LICENSE $(DIST_DIR)/; else echo "make: warning: no LICENSE file at the top of the repository: the tarball has none"; fi
	tar -C dist --owner=0 --group=0 --numeric-owner -czf dist/$(DIST_NAME).tar.gz $(DIST_NAME)
	cd dist && sha256sum $(DIST_NAME).tar.gz > $(DIST_NAME).tar.gz.sha256
	@echo "make: built dist/$(DIST_NAME).tar.gz"

# Installs what dist ships: make install PREFIX=~/.local (default /usr/local).
install: release man completions
	$(MAKE) --no-print-directory install-files PREFIX=$(PREFIX)

# The copying alone, once the binary, man page and completions are built.
install-files:
	install -d $(PREFIX)/bin $(PREFIX)/share/man/man1 $(PREFIX)/share/bash-completion/completions \
		$(PREFIX)/share/zsh/site-functions $(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(RELEASE_BIN) $(PREFIX)/bin/tokenwarden
	install -m 644 $(MAN_PAGE) $(PREFIX)/share/man/man1/tokenwarden.1
	install -m 644 .build/completions/tokenwarden.bash $(PREFIX)/share/bash-completion/completions/tokenwarden
	install -m 644 .build/completions/_tokenwarden $(PREFIX)/share/zsh/site-functions/_tokenwarden
	install -m 644 .build/completions/tokenwarden.fish $(PREFIX)/share/fish/vendor_completions.d/tokenwarden.fish

# The tarball unpacked and checked, the binary's NEEDED entries, a scan from an empty directory, and
# make install into a temporary prefix; .ci/run runs it after make scan.
dist-check: dist
	bash .ci/dist-check.sh dist/$(DIST_NAME).tar.gz $(VERSION)

# The language: swift pre-commit hook, end to end: pre-commit builds tokenwarden itself (a full release
# build in its cache, minutes), then blocks a commit with a secret. make test skips this one test.
hook-check: deps
	TOKENWARDEN_TEST_SWIFT_HOOK=1 $(SWIFT) test --filter PreCommitFrameworkTests/testBuildHookBuildsTokenwardenAndBlocksACommitWithASecret

clean:
	rm -rf .build dist
