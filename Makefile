# Two commands for a newcomer: `make run` and `make test`. Both bootstrap what they need.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-stamp
# Debian packages Qt's X11 platform needs beyond what a desktop Debian has (Qt's own error message
# wrongly blames libxcb-cursor0). Installed by `make run` only if missing and only as root.
# libharfbuzz-subset0 lets WeasyPrint subset fonts natively (reports render about twice as fast).
DEBIAN_RUN_PACKAGES := libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libegl1 libfontconfig1 \
	libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
# Debian packages `make test` installs the same way (only if missing, only as root, never failing): with
# libharfbuzz-subset0 the suite tests both font-subsetting paths (tests/report/test_font_subsetting.py);
# with the window's own packages and xvfb it starts the real window on a real X server
# (tests/ui/test_shipped.py); with dbus-x11, at-spi2-core and python3-pyatspi it reads the window's
# accessible tree as a screen reader does (tests/ui/test_atspi.py). desktop-file-utils checks the desktop entry
# (tests/test_installer.py). Without them those tests skip and say why.
DEBIAN_TEST_PACKAGES := $(DEBIAN_RUN_PACKAGES) xvfb xauth dbus-x11 at-spi2-core python3-pyatspi desktop-file-utils

.PHONY: venv run test lint schemas clean debian-packages test-packages bench docs examples screenshots samples dist test-dist \
	decisions messages translations

venv: $(STAMP)

# Re-created or refreshed whenever pyproject.toml changes, so an old venv never lacks a dependency.
$(STAMP): pyproject.toml
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

debian-packages:
	@sh .ci/debian-packages $(DEBIAN_RUN_PACKAGES)

test-packages:
	@sh .ci/debian-packages $(DEBIAN_TEST_PACKAGES)

# Bytecode first (only what changed is compiled): where PYTHONDONTWRITEBYTECODE is set, the window
# would otherwise compile its ~50 modules again at every start (~0.1 s).
run: venv debian-packages
	@$(VENV)/bin/python -m compileall -q pia_wizard
	$(VENV)/bin/pia-wizard gui

test: venv test-packages
	$(VENV)/bin/python -m pytest -n auto --dist worksteal

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

# Rewrite the committed JSON Schemas from the models (a test fails when they are stale).
schemas: venv
	$(VENV)/bin/python -m pia_wizard.core.files.schema_export questionnaires/schema

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis

# docs/questionnaire.md, generated from the questionnaire for a lawyer's review (a test fails when stale).
docs: venv
	$(VENV)/bin/python -m pia_wizard.core.load.questionnaire_doc

# pia_wizard/locale/: re-extract each message domain's .pot from the code and update every language's .po
# (a changed English sentence becomes fuzzy, i.e. stale; a test fails while any is stale or missing).
MESSAGE_DOMAINS ?= engine reports
messages: venv
	for domain in $(MESSAGE_DOMAINS); do $(VENV)/bin/python tools/messages.py $$domain || exit 1; done

# examples/*.pia.json, built from tools/build_examples.py (a test fails when they are stale).
examples: venv
	$(VENV)/bin/python tools/build_examples.py

# docs/decisions.md: the corpus of real decisions (tests/decisions/) scored under today's rules (a test
# fails when it is stale or a disagreement is unexplained).
decisions: venv
	$(VENV)/bin/python tools/decisions_table.py

# pia_wizard/ui/i18n/: the window's catalogs. Re-extracts every .ts from pia_wizard/ui/*.py (English's
# holds only the plural forms) and builds the .qm files the window loads; both are committed, so the app
# and its bundle need no build tool (a test says when they are stale). See docs/translating.md.
UI_SOURCES = $(sort $(wildcard pia_wizard/ui/*.py))
translations: venv messages
	@for ts in pia_wizard/ui/i18n/pia_wizard_*.ts; do \
		case $$ts in *_en.ts) only=-pluralonly ;; *) only= ;; esac; \
		$(VENV)/bin/pyside6-lupdate -silent -no-obsolete -locations none $$only $(UI_SOURCES) -ts $$ts || exit 1; \
	done
	$(VENV)/bin/pyside6-lrelease -silent -removeidentical pia_wizard/ui/i18n/pia_wizard_*.ts

# docs/screenshots/: the main window at 1280x800 for three examples (a test says when they are stale).
screenshots: venv
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pia_wizard.ui.screenshots docs/screenshots

# docs/samples/: two examples × four templates as PDF, first pages as PNG (needs pdftoppm), inputs.json
# (a test says when they are stale). Made with the native font subsetter, as the committed ones are (the
# fontTools fallback writes other bytes; inputs.json records which one made them).
samples: venv test-packages
	$(VENV)/bin/python -m pia_wizard.report.samples docs/samples

# Figures, not asserts: every benchmark in one run (benchmarks/run_all.py), each figure with the command
# that reproduces it; changes no tracked file. `make bench RECORD=1` also rewrites docs/performance.md
# (figures against the targets, the machine, the date; the hand-written notes at its end are kept).
bench: venv
	$(VENV)/bin/python benchmarks/run_all.py $(if $(filter 1,$(RECORD)),--record docs/performance.md)

# dist/: the self-contained application (PyInstaller folder, .tar.gz) and the Debian package (.deb), from
# installer/ (tools/dist.py says what goes in). Needs the `dist` extra (PyInstaller), installed here, and the
# libraries the bundle carries (DEBIAN_RUN_PACKAGES, the report fonts). Takes a few minutes of CPU.
DIST_STAMP := $(VENV)/.dist-stamp
# (the Wayland client libraries are what Qt's Wayland plugin links to; the bundle carries them too).
DEBIAN_DIST_PACKAGES := $(DEBIAN_RUN_PACKAGES) fonts-dejavu-core fonts-dejavu-extra libwayland-cursor0 libwayland-egl1

$(DIST_STAMP): $(STAMP)
	$(VENV)/bin/python -m pip install --quiet -e '.[dev,dist]'
	@touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	@sh .ci/debian-packages $(DEBIAN_DIST_PACKAGES)
	$(VENV)/bin/python tools/dist.py

# The slow tests of what `make dist` built: the archive unpacked and run with a clean environment, the .deb
# read back, extracted, installed and removed in a throwaway dpkg root (tests/bundle/).
test-dist: venv
	PIA_WIZARD_DIST=dist $(VENV)/bin/python -m pytest -n 0 -m dist tests/bundle
