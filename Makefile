# cc -- one non-recursive Makefile.
#
#   make                 build everything into build/
#   make check           install missing packages, build, run every test
#   make demo            install missing packages, build, run the sample
#   make install         PREFIX=/usr/local DESTDIR=
#   make DEVELOPER=1     warnings are errors
#   make SAN=1           ASan + UBSan
#
# The compiler flags are recorded in build/CFLAGS; changing them (DEVELOPER,
# SAN, CFLAGS) rebuilds everything, as git's GIT-CFLAGS does.

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR     = $(PREFIX)/bin
LIBDIR     = $(PREFIX)/lib/cc
MANDIR     = $(PREFIX)/share/man
DATADIR    = $(PREFIX)/share/cc

CC        ?= cc
PKG_CONFIG ?= pkg-config
O         ?= build

CFLAGS    ?= -O2 -g
BASE_CFLAGS = -std=c11 -D_GNU_SOURCE -fPIC -pthread -Ilib -I$(O)/gen \
	      -DCC_VERSION='"$(VERSION)"'
ifdef DEVELOPER
BASE_CFLAGS += -Wall -Wextra -Werror -Wvla -Wstrict-prototypes \
	       -Wmissing-prototypes -Wshadow -Wformat=2 -Wno-format-nonliteral
endif
ifdef SAN
SAN_FLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	     -fno-omit-frame-pointer
BASE_CFLAGS += $(SAN_FLAGS)
LDFLAGS    += $(SAN_FLAGS)
endif

# Dependencies, all through pkg-config.  Evaluated lazily: `make check`
# installs missing packages first, then re-runs make.
PC_LIBS     = jansson yaml-0.1 zlib libcrypto
PC_CFLAGS  := $(shell $(PKG_CONFIG) --cflags $(PC_LIBS) mupdf 2>/dev/null)
PC_LDLIBS  := $(shell $(PKG_CONFIG) --libs $(PC_LIBS) 2>/dev/null)
# jemalloc, for cc-extract only
JEMALLOC_LIBS := $(shell $(PKG_CONFIG) --libs jemalloc 2>/dev/null)
# tesseract and leptonica, for cc-ocr only
TESS_LIBS  := $(shell $(PKG_CONFIG) --libs tesseract lept 2>/dev/null)
# libpq, for lib/store and the tools that link it only (cc-db)
PQ_CFLAGS  := $(shell $(PKG_CONFIG) --cflags libpq 2>/dev/null)
PQ_LIBS    := $(shell $(PKG_CONFIG) --libs libpq 2>/dev/null)
# Debian's mupdf is static only: its own static link line, and harfbuzz.
MUPDF_LIBS := $(shell $(PKG_CONFIG) --libs --static mupdf 2>/dev/null) -lharfbuzz

ifndef V
QUIET_CC   = @echo '   ' CC $@;
QUIET_LINK = @echo '   ' LINK $@;
QUIET_AR   = @echo '   ' AR $@;
QUIET_GEN  = @echo '   ' GEN $@;
endif

ALL_CFLAGS  = $(BASE_CFLAGS) $(PC_CFLAGS) $(CPPFLAGS) $(CFLAGS)
# libpq's headers for lib/store only (private: not for the flags stamp)
$(O)/lib/store/%.o: private ALL_CFLAGS += $(PQ_CFLAGS)
ALL_LDFLAGS = -pthread $(LDFLAGS)

# lib/ is one folder per subsystem, and each folder is a link unit: a
# static archive, build/lib/libcc-NAME.a.  A tool links the archives of
# what it runs and those below them; the order is from the top down.
#   ingest ocr extract dispute letter tmpl synth score  the stages and tools
#   load                                           the load stage (cc-load)
#   store                                          PostgreSQL (libpq)
#   tool stage                                     the tool layer, the driver
#   config record model base                      what everything uses
# pdf/ and ocr/ocr.c are apart: mupdf and tesseract live in shared
# libraries of their own (below).  lib/store links libpq, and only the
# tools that name it in their UNITS_ link it and libpq (STORE_TOOLS), so
# no filter ever does (tests/t0005-install.sh holds it).  Named places
# wait for what comes next: lib/export (libxlsxwriter), lib/http
# (libmicrohttpd, libjwt), units of the same kind.
UNITS    = ingest ocr extract dispute letter tmpl synth score load store tool \
	   stage config record model base
unit_src = $(filter-out lib/ocr/ocr.c,$(wildcard lib/$(1)/*.c))
unit_lib = $(O)/lib/libcc-$(1).a
ALL_UNIT_LIBS = $(foreach u,$(UNITS),$(if $(call unit_src,$(u)),$(call unit_lib,$(u))))
# what every tool links below its own units
COMMON_UNITS = tool stage config record model base

# lib/ code that needs mupdf: one private shared library, so the 40 MB of
# mupdf is installed once and not linked into every binary.
PDF_SRC = $(wildcard lib/pdf/*.c) lib/base/error.c lib/base/util.c

TOOLS   = cc-ingest cc-ocr cc-extract cc-dispute cc-letter cc-synth cc-score \
	  cc-db cc-load
TOOL_BINS = $(patsubst %,$(O)/bin/%,$(TOOLS))
# each tool's own units, above COMMON_UNITS
UNITS_cc-ingest  = ingest
UNITS_cc-ocr     = ocr
UNITS_cc-extract = extract
UNITS_cc-dispute = dispute
UNITS_cc-letter  = letter dispute tmpl
UNITS_cc-synth   = synth
UNITS_cc-score   = score
UNITS_cc-db      = store dispute
UNITS_cc-load    = load store dispute
# the tools that link lib/store, and so libpq
STORE_TOOLS := $(foreach t,$(TOOLS),$(if $(filter store,$(UNITS_$(t))),$(t)))
tool_libs = $(foreach u,$(UNITS_$(1)) $(COMMON_UNITS),$(if $(call unit_src,$(u)),$(call unit_lib,$(u))))

UNIT_SRC  = $(wildcard tests/unit/t-*.c)
UNIT_BINS = $(patsubst tests/unit/%.c,$(O)/tests/%,$(UNIT_SRC))
HELPER    = $(O)/tests/cc-test-tool

LIBPDF  = $(O)/lib/cc/libccpdf.so
# tesseract behind a library of its own, loaded by cc-ocr when needed
LIBOCR  = $(O)/lib/cc/libccocr.so
OCR_SRC = lib/ocr/ocr.c lib/base/error.c lib/base/util.c
OCR_OBJ = $(patsubst %.c,$(O)/%.o,$(OCR_SRC))
RPATH   = -Wl,-rpath,'$$ORIGIN/../lib/cc'

MAN1 = $(wildcard man/*.1)
MAN5 = $(wildcard man/*.5)
MAN7 = $(wildcard man/*.7)

.PHONY: all check test test-one demo install uninstall clean deps FORCE \
	man-lint tests-build bench corpus

# the layout files cc-extract reads, where it looks for them: BIN/../share/cc
LAYOUTS    = $(wildcard layouts/*.yaml)
LAYOUT_OUT = $(patsubst layouts/%,$(O)/share/cc/layouts/%,$(LAYOUTS))
# the default rules of cc-dispute, likewise: BIN/../share/cc/rules
RULES      = $(wildcard rules/*.yaml)
RULES_OUT  = $(patsubst rules/%,$(O)/share/cc/rules/%,$(RULES))

# the letter templates cc-letter reads, where it looks for them
TEMPLATES    = $(wildcard templates/*.html templates/*.css)
TEMPLATE_OUT = $(patsubst templates/%,$(O)/share/cc/templates/%,$(TEMPLATES))

all: $(TOOL_BINS) $(LAYOUT_OUT) $(TEMPLATE_OUT) $(RULES_OUT)

$(O)/share/cc/layouts/%.yaml: layouts/%.yaml
	@mkdir -p $(dir $@)
	@cp $< $@

$(O)/share/cc/rules/%.yaml: rules/%.yaml
	@mkdir -p $(dir $@)
	@cp $< $@

$(O)/share/cc/templates/%: templates/%
	@mkdir -p $(dir $@)
	@cp $< $@

# --- flags stamp ---------------------------------------------------------
$(O)/CFLAGS: FORCE
	@mkdir -p $(O)
	@echo '$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS)' > $@.new; \
	if cmp -s $@.new $@; then rm -f $@.new; \
	else mv $@.new $@; echo '    * new build flags'; fi

# --- objects -------------------------------------------------------------
$(O)/%.o: %.c $(O)/CFLAGS
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

PDF_OBJ  = $(patsubst %.c,$(O)/%.o,$(PDF_SRC))

# --- generated C ---------------------------------------------------------
# The schema's migrations, lib/store/migrations/NNNN-name.sql, as C
# (scripts/gen-migrations.sh), which lib/store/migrate.c includes: an
# installed cc-db carries them and needs no source tree.
MIGRATIONS = $(sort $(wildcard lib/store/migrations/*.sql))
GEN_MIGRATIONS = scripts/gen-migrations.sh
$(O)/gen/store-migrations.c: $(MIGRATIONS) $(GEN_MIGRATIONS)
	@mkdir -p $(dir $@)
	$(QUIET_GEN)sh $(GEN_MIGRATIONS) $(MIGRATIONS) >$@+ || { rm -f $@+; exit 1; }; mv -f $@+ $@
$(O)/lib/store/migrate.o: $(O)/gen/store-migrations.c

# A command line as data, FOO.opts; scripts/gen-opts.sh makes it C,
# $(O)/gen/FOO-opts.c, which FOO.c includes: every tool's, cmd/TOOL.opts,
# and that of the generator's test (tests/unit/t-optgen.c).
# Written aside and moved, so that a failed run leaves nothing behind.
GEN_OPTS = scripts/gen-opts.sh
vpath %.opts cmd tests/unit
$(O)/gen/%-opts.c: %.opts $(GEN_OPTS)
	@mkdir -p $(dir $@)
	$(QUIET_GEN)sh $(GEN_OPTS) $< >$@+ || { rm -f $@+; exit 1; }; mv -f $@+ $@
# Before the first build there are no .d files to say who includes them.
$(patsubst %,$(O)/cmd/%.o,$(TOOLS)): $(O)/cmd/%.o: $(O)/gen/%-opts.c
$(patsubst tests/unit/%.opts,$(O)/tests/unit/%.o,$(wildcard tests/unit/*.opts)): \
	$(O)/tests/unit/%.o: $(O)/gen/%-opts.c

define unit_rule
$(call unit_lib,$(1)): $(patsubst %.c,$(O)/%.o,$(call unit_src,$(1)))
	@mkdir -p $$(dir $$@)
	@rm -f $$@
	$$(QUIET_AR)$$(AR) rcs $$@ $$^
endef
$(foreach u,$(UNITS),$(if $(call unit_src,$(u)),$(eval $(call unit_rule,$(u)))))

$(LIBPDF): $(PDF_OBJ) lib/pdf/libccpdf.map
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) -shared $(ALL_LDFLAGS) -Wl,--version-script=lib/pdf/libccpdf.map \
		-Wl,-soname,libccpdf.so -o $@ $(PDF_OBJ) $(MUPDF_LIBS) -lm

$(O)/bin/cc-ocr: TOOL_LIBS = -ldl
# cc-extract and cc-dispute spend most of their time making and freeing
# jansson's small objects, records in and records out: jemalloc does that
# about 10% faster than glibc's malloc (bench/extract).  Not with the
# sanitizers, which bring their own malloc.
ifndef SAN
$(O)/bin/cc-extract: TOOL_LIBS = $(JEMALLOC_LIBS)
$(O)/bin/cc-dispute: TOOL_LIBS = $(JEMALLOC_LIBS)
endif
$(LIBOCR): $(OCR_OBJ) lib/ocr/libccocr.map
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) -shared $(ALL_LDFLAGS) -Wl,--version-script=lib/ocr/libccocr.map \
		-Wl,-soname,libccocr.so -o $@ $(OCR_OBJ) $(TESS_LIBS) -lm

$(foreach t,$(STORE_TOOLS),$(eval $(O)/bin/$(t): TOOL_LIBS += $(PQ_LIBS)))

$(O)/bin/cc-ocr: $(LIBOCR)
.SECONDEXPANSION:
$(O)/bin/%: $(O)/cmd/%.o $$(call tool_libs,$$*) $(LIBPDF)
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_LDFLAGS) $(RPATH) -o $@ $< $(call tool_libs,$*) \
		$(LIBPDF) $(TOOL_LIBS) $(PC_LDLIBS) -lm

# Unit tests link lib/ statically, mupdf included where they need it.
$(O)/tests/t-%: $(O)/tests/unit/t-%.o $(ALL_UNIT_LIBS) $(LIBPDF)
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_LDFLAGS) -Wl,-rpath,'$$ORIGIN/../lib/cc' -o $@ $< \
		-Wl,--start-group $(ALL_UNIT_LIBS) -Wl,--end-group $(LIBPDF) \
		$(PC_LDLIBS) $(PQ_LIBS) -ldl -lm

# The test helper makes PDFs with mupdf directly; it is never installed.
$(HELPER): $(O)/tests/helper/cc-test-tool.o $(ALL_UNIT_LIBS) $(LIBPDF)
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_LDFLAGS) -Wl,-rpath,'$$ORIGIN/../lib/cc' -o $@ $< \
		-Wl,--start-group $(ALL_UNIT_LIBS) -Wl,--end-group $(LIBPDF) \
		$(PC_LDLIBS) $(MUPDF_LIBS) -ldl -lm

-include $(shell find $(O) -name '*.d' 2>/dev/null)

# --- packages ------------------------------------------------------------
deps:
	@sh scripts/deps.sh

# --- tests ---------------------------------------------------------------
tests-build: all $(UNIT_BINS) $(HELPER)

# `make check` first installs what is missing, then builds in a second make
# (so pkg-config sees the new packages), then runs prove: on every test,
# or on those of T (make check T=tests/t0500-extract.sh).
#   make test-one T=tests/t0500-extract.sh ARGS='-v --run=1,3'
# runs one script without prove, its options in ARGS (tests/README).
check: deps
	@$(MAKE) --no-print-directory tests-build
	@$(MAKE) --no-print-directory man-lint
	@CC_BUILD='$(abspath $(O))' prove -j2 $(PROVE_OPTS) \
		$(or $(T),$(UNIT_BINS) tests/t[0-9]*.sh)

test: check

ifneq ($(filter test-one,$(MAKECMDGOALS)),)
ifeq ($(T),)
$(error test-one: name the script, as in T=tests/t0500-extract.sh)
endif
endif
test-one: tests-build
	@CC_BUILD='$(abspath $(O))' sh $(T) $(ARGS)

man-lint:
	@for m in $(MAN1) $(MAN5) $(MAN7); do \
		out=$$(mandoc -Tlint -W warning $$m 2>&1); \
		if [ -n "$$out" ]; then echo "$$out"; exit 1; fi; \
	done; echo "man pages: mandoc -Tlint clean"

# --- demo ----------------------------------------------------------------
demo: deps
	@$(MAKE) --no-print-directory all
	@sh pipelines/demo.sh $(O)/bin

# A bigger corpus for cc-extract work and benchmarks: 200 text reports
# and 20 reports as text and scans, in build/corpus.
corpus: all
	$(O)/bin/cc-synth -o $(O)/corpus/text -n 40 -s 1
	$(O)/bin/cc-synth -o $(O)/corpus/scan -n 4 -s 2 --scan

bench: tests-build
	@sh bench/ingest
	@sh bench/synth
	@sh bench/extract
	@sh bench/letters
	@sh bench/pipeline

# --- install -------------------------------------------------------------
# NOBUILD=1 installs what is built without looking at it again (the tests)
install: $(if $(NOBUILD),,all)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DATADIR)/layouts \
		$(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/rules
	install -m 755 $(TOOL_BINS) $(DESTDIR)$(BINDIR)
	install -m 644 $(LAYOUTS) $(DESTDIR)$(DATADIR)/layouts
	install -m 644 $(RULES) $(DESTDIR)$(DATADIR)/rules
	install -m 644 $(TEMPLATES) $(DESTDIR)$(DATADIR)/templates
	install -m 755 $(LIBPDF) $(LIBOCR) $(DESTDIR)$(LIBDIR)
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1
	install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5
	install -m 644 $(MAN7) $(DESTDIR)$(MANDIR)/man7

uninstall:
	rm -f $(patsubst %,$(DESTDIR)$(BINDIR)/%,$(TOOLS))
	rm -rf $(DESTDIR)$(LIBDIR) $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(O)
.SECONDARY:
