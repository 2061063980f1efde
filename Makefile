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

# The main job: the chat server with the built-in corpus, tickets in var/hoidap.sqlite.
run: release
	@mkdir -p var
	@echo "hoidap: open http://127.0.0.1:8022/ in a browser (the demo page with the chat widget); Ctrl-C stops."
	./.build/release/hoidap serve --host 127.0.0.1 --port 8022 --db var/hoidap.sqlite

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
