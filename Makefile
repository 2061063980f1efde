# hoidap: two commands do everything — `make run` and `make test`.
SHELL := /bin/bash
PACKAGES := libicu-dev libsqlite3-dev libmicrohttpd-dev pkg-config
SWIFT ?= swift
SWIFT_FLAGS ?=

.PHONY: run test build release deps clean

# Installs only what is missing, so a ready machine does no network work.
deps:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

release: deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)

# The main job as it stands: the officers' chat REPL over the built-in corpus, filing
# 1022 reports in var/hoidap.sqlite (the HTTP chat server replaces it when it lands).
run: release
	@mkdir -p var
	@echo "hoidap: chat REPL — ask about a procedure in Vietnamese; :help for officer commands."
	./.build/release/hoidap chat --db var/hoidap.sqlite

# The browser test drives headless Chromium; wrk measures the HTTP service (see README).
TEST_PACKAGES := chromium wrk

test: deps
	@missing=""; \
	for p in $(TEST_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
	  ( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing ) \
	    || echo "warning: could not install$$missing; the browser test will be skipped"; \
	fi
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	$(SWIFT) test --skip-build $(SWIFT_FLAGS)

clean:
	rm -rf .build
